-- The last issue number used per tenant and numbering scope (e.g. 'residents', 'disaster:12').
CREATE TABLE certificate_counter (
    tenant_id    VARCHAR(6)  NOT NULL,
    scope        VARCHAR(60) NOT NULL,
    last_serial  BIGINT      NOT NULL,
    PRIMARY KEY (tenant_id, scope)
);

-- Every certificate issued, reprints included (reprint_of names the original's serial).
CREATE TABLE issued_certificate (
    tenant_id          VARCHAR(6)   NOT NULL,
    scope              VARCHAR(60)  NOT NULL,
    serial             BIGINT       NOT NULL,
    issue_number       VARCHAR(120) NOT NULL,
    kind               VARCHAR(40)  NOT NULL,
    verification_code  VARCHAR(12)  NOT NULL,
    content_digest     VARCHAR(64)  NOT NULL,
    subject            VARCHAR(200) NOT NULL,
    page_count         INTEGER      NOT NULL,
    substitutions      INTEGER      NOT NULL,
    reprint_of         BIGINT,
    drill              BOOLEAN      NOT NULL,
    issued_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_by          VARCHAR(64)  NOT NULL,
    PRIMARY KEY (tenant_id, scope, serial)
);
CREATE INDEX ix_issued_certificate_subject ON issued_certificate (tenant_id, subject);

-- The public verification register: no personal data, so anyone holding a code may look it up
-- without signing in. Deliberately not tenant-owned (no tenant_id column): the page must find the
-- town from the code alone.
CREATE TABLE certificate_verification (
    verification_code  VARCHAR(12) NOT NULL PRIMARY KEY,
    tenant_code        VARCHAR(6)  NOT NULL,
    kind               VARCHAR(40) NOT NULL,
    issued_on          DATE        NOT NULL,
    content_digest     VARCHAR(64) NOT NULL,
    drill              BOOLEAN     NOT NULL,
    CONSTRAINT fk_certificate_verification_tenant FOREIGN KEY (tenant_code) REFERENCES tenant (code)
);
