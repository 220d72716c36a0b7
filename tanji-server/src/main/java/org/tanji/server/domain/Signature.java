package org.tanji.server.domain;

import java.time.Instant;
import java.util.UUID;

/** A signature on a version: who did what ({@code review}, {@code approve}, {@code send-back}), when, with which statement. */
public record Signature(UUID studyId, int version, String action, long userId, String username, String statement,
    Instant signedAt) {}
