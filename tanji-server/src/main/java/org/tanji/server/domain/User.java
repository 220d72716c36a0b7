package org.tanji.server.domain;

import java.time.Instant;

/** A user as listed to admins. */
public record User(long id, String username, Role role, Instant createdAt) {}
