-- 再送キー (idempotency key): a client that lost the answer to an issue (a failover cut the connection after
-- the commit) sends the same request again with the same key and gets the certificate already issued — same
-- issue number and verification code — instead of a second number. One key per tenant names one certificate;
-- the fingerprint of the request it issued lets a repeat with another request under the same key be refused.
-- Certificates issued without a key keep NULL here (NULLs never collide in the unique index).
ALTER TABLE issued_certificate ADD COLUMN idempotency_key VARCHAR(100);
ALTER TABLE issued_certificate ADD COLUMN request_fingerprint VARCHAR(64);
CREATE UNIQUE INDEX uq_issued_certificate_idempotency ON issued_certificate (tenant_id, idempotency_key);
