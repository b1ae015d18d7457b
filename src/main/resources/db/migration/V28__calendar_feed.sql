-- A personal calendar feed: the secret of the account's subscription URL, kept only as its SHA-256
-- hash (the secret is 256 random bits, shown once). One per account; revoking deletes the row, and
-- making a new one replaces the old, so an old URL stops at once.
CREATE TABLE calendar_feed (
    user_id     BIGINT       PRIMARY KEY REFERENCES user_account (id) ON DELETE CASCADE,
    token_hash  CHAR(64)     NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
