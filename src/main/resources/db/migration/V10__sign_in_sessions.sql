-- Server-side sign-in sessions: every API token carries the id of one (its jti), every signed-in
-- browser session holds one. A token or UI session counts only while its row is open: not revoked
-- (logout, deactivation, password change) and not expired.
CREATE TABLE sign_in_session (
    id          UUID        PRIMARY KEY,
    user_id     BIGINT      NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    channel     VARCHAR(3)  NOT NULL CHECK (channel IN ('API', 'UI')),
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    revoked_at  TIMESTAMPTZ,
    CHECK (expires_at > created_at)
);

-- revokeAll(user) closes the open sessions of one account
CREATE INDEX sign_in_session_open_by_user ON sign_in_session (user_id) WHERE revoked_at IS NULL;
