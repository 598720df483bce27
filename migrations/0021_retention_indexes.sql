-- Retention jobs (src/platform/jobs/retention.ts): find the oldest sent e-mails and the oldest
-- Idempotency-Keys by index, so each batch deletes without scanning the whole table.
CREATE INDEX IF NOT EXISTS outbox_emails_sent_idx ON outbox_emails (sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS idempotency_keys_created_idx ON idempotency_keys (created_at);
