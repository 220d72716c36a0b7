-- Each organization's key for signing issued PDFs: a PKCS#12 (private key and X.509 certificate)
-- whose password is derived from the server's key secret, so the database alone does not reveal it.
CREATE TABLE org_signing_key (
  org_id      BIGINT PRIMARY KEY REFERENCES organization (id),
  pkcs12      BYTEA NOT NULL,
  source      VARCHAR(20) NOT NULL,
  subject     VARCHAR(500) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
