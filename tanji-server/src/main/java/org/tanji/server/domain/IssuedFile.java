package org.tanji.server.domain;

/** A file as issued: its name, media, bytes (absent in listings) and SHA-256. */
public record IssuedFile(String name, String media, byte[] content, String sha256) {}
