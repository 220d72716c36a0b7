-- A study version's CBAM file (the companion of `tanji cbam`: installation, processes, precursors,
-- goods), kept exactly as the user sent it. It may be replaced while its version is a draft; a new
-- version of the study starts with a copy of the previous version's.
CREATE TABLE study_cbam (
  study_id   UUID NOT NULL,
  version    INTEGER NOT NULL,
  file_name  VARCHAR(255),
  content    BYTEA NOT NULL,
  sha256     CHAR(64) NOT NULL,
  stored_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  stored_by  BIGINT NOT NULL REFERENCES app_user (id),
  PRIMARY KEY (study_id, version),
  FOREIGN KEY (study_id, version) REFERENCES study_version (study_id, version)
);
