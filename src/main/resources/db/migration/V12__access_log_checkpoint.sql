-- Signed checkpoints of the access log (NEN 7513). Each row records how many log rows there were up to
-- and including row last_row_id, and that row's hash (the head of the chain), signed by the application
-- with HMAC-SHA256 under a key that is kept outside the database (CASUSTAFEL_AUDIT_KEY or the key file).
-- Whoever can write the database can recompute the chain with access_log_row_hash(), but cannot sign a
-- checkpoint: a changed or removed row before a checkpoint shows as a head hash or count that no longer
-- matches. The newest checkpoint is also kept outside the database (audit.AccessLogHead), so removing the
-- newest rows together with their checkpoints shows too.
CREATE TABLE access_log_checkpoint (
    id           BIGSERIAL    PRIMARY KEY,
    at           TIMESTAMPTZ  NOT NULL,
    row_count    BIGINT       NOT NULL CHECK (row_count >= 0),
    last_row_id  BIGINT       NOT NULL CHECK (last_row_id >= 0),
    head_hash    CHAR(64)     NOT NULL,
    key_id       CHAR(16)     NOT NULL,
    signature    CHAR(64)     NOT NULL
);
CREATE INDEX access_log_checkpoint_row_idx ON access_log_checkpoint (last_row_id);

CREATE FUNCTION append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END $$;
CREATE TRIGGER access_log_checkpoint_append_only BEFORE UPDATE OR DELETE ON access_log_checkpoint
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER access_log_checkpoint_no_truncate BEFORE TRUNCATE ON access_log_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
