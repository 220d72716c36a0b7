package org.tanji.core.model;

/** A place in a source file: line and column, both from 1. */
public record Position(int line, int column) {}
