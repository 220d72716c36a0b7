-- Each organization's own factors: suppliers' PACT footprints, kept as the JSON of one footprint
-- each (its provenance is the footprint itself), under the factor id studies use.
CREATE TABLE org_factor (
  org_id        BIGINT NOT NULL REFERENCES organization (id),
  id            VARCHAR(100) NOT NULL,
  footprint_id  VARCHAR(36) NOT NULL,
  company_name  VARCHAR(500) NOT NULL,
  footprint     BYTEA NOT NULL,
  imported_by   BIGINT NOT NULL REFERENCES app_user (id),
  imported_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, id)
);

-- Counts the changes to an organization's factors: results computed with its library are cached
-- under this number, so a new import is seen by every server process at its next request.
CREATE TABLE org_library (
  org_id      BIGINT PRIMARY KEY REFERENCES organization (id),
  generation  BIGINT NOT NULL
);
