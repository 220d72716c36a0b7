-- What a partner's API clients may read at the PACT host: every issued footprint of the
-- organization (shares_all, what every partner had before), or only those of the studies listed in
-- pact_share (a supplier of several customers shares each one's products with that customer only).
ALTER TABLE pact_partner ADD COLUMN shares_all BOOLEAN DEFAULT TRUE NOT NULL;

CREATE TABLE pact_share (
  partner_id  BIGINT NOT NULL REFERENCES pact_partner (id),
  study_id    UUID NOT NULL REFERENCES study (id),
  PRIMARY KEY (partner_id, study_id)
);
