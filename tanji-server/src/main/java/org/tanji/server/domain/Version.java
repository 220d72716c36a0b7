package org.tanji.server.domain;

import java.time.Instant;
import java.util.UUID;

/** One stored version of a study, without its content, and where it stands in the workflow. */
public record Version(UUID studyId, int version, String format, String fileName, int bytes, String sha256,
    Summary summary, Instant createdAt, String createdBy, StudyState state) {}
