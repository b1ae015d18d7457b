-- Sign-in with the organisation's own account (OpenID Connect): an identity of a provider (issuer +
-- subject) linked by an administrator to one Casustafel account. Role and party stay the account's;
-- an identity without a row here signs in to nothing.
CREATE TABLE oidc_link (
    id         BIGSERIAL    PRIMARY KEY,
    provider   VARCHAR(64)  NOT NULL,
    issuer     VARCHAR(500) NOT NULL,
    subject    VARCHAR(255) NOT NULL,
    user_id    BIGINT       NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    linked_by  BIGINT       NOT NULL REFERENCES user_account (id),
    linked_at  TIMESTAMPTZ  NOT NULL,
    UNIQUE (issuer, subject)
);

CREATE INDEX oidc_link_by_user ON oidc_link (user_id);
