package org.tanji.server.domain;

import java.time.Instant;

/** An organization as listed to the operator. */
public record Organization(long id, String name, boolean operator, Instant createdAt, int users) {}
