package org.tanji.server.domain;

import java.time.Instant;

/** A sign-in token as issued (the only time its value is known) and when it expires. */
public record Token(String value, Instant expiresAt) {}
