package org.tanji.core.model;

/**
 * A document the assessor checked the data against (a business licence, meter readings, invoices):
 * the report's document list.
 *
 * @param title what the document is
 * @param reference a file name, document number or location, or null
 * @param note free text, or null
 */
public record Evidence(String title, String reference, String note) {}
