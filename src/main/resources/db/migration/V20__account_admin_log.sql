-- Beheerlogboek: every act of a beheerder on an account (created, deactivated, reactivated, password reset,
-- second factor reset): who, when, what, on which account of which party. Append-only, like the access
-- log's checkpoints. The account is kept by id and by its username at the time, without a foreign key,
-- so that the log outlives the account row; the actor is an account that exists.
CREATE TABLE account_admin_log (
    id                BIGSERIAL    PRIMARY KEY,
    at                TIMESTAMPTZ  NOT NULL,
    actor_id          BIGINT       NOT NULL REFERENCES user_account (id),
    party_id          BIGINT       NOT NULL REFERENCES party (id),
    account_id        BIGINT       NOT NULL,
    account_username  VARCHAR(64)  NOT NULL,
    action            VARCHAR(32)  NOT NULL CHECK (action IN ('CREATED', 'DEACTIVATED', 'REACTIVATED',
        'PASSWORD_RESET', 'SECOND_FACTOR_RESET')),
    detail            VARCHAR(200)
);
CREATE INDEX account_admin_log_party_idx ON account_admin_log (party_id, at DESC);

CREATE TRIGGER account_admin_log_append_only BEFORE UPDATE OR DELETE ON account_admin_log
    FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER account_admin_log_no_truncate BEFORE TRUNCATE ON account_admin_log
    FOR EACH STATEMENT EXECUTE FUNCTION append_only();
