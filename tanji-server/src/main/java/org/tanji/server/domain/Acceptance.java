package org.tanji.server.domain;

import java.time.Instant;

/** A warning of a version that a reviewer accepted, and why. */
public record Acceptance(String code, String keyPath, String by, String reason, Instant at) {}
