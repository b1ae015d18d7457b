-- The second factor of every account (covenant art. 10.2): a TOTP secret (RFC 6238) and one-time recovery codes.
-- An account without a row here enrols at its next sign-in; resetting the second factor deletes both.
CREATE TABLE second_factor (
    user_id         BIGINT       PRIMARY KEY REFERENCES user_account (id) ON DELETE CASCADE,
    -- 'aes-gcm:' + Base64(IV, ciphertext) when casustafel.second-factor.key is set, else 'plain:' + Base32
    secret          VARCHAR(200) NOT NULL,
    -- the 30-second time step of the last accepted code: a code is never accepted twice
    last_used_step  BIGINT,
    enrolled_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Herstelcodes: each can replace a code once; only a SHA-256 hash is kept (the codes carry 80 random bits).
CREATE TABLE recovery_code (
    id         BIGSERIAL   PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    code_hash  CHAR(64)    NOT NULL,
    used_at    TIMESTAMPTZ,
    UNIQUE (user_id, code_hash)
);
