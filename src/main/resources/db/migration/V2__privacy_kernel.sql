-- The privacy kernel: DUO reports, consent per party, notifications of parents, the tables
-- (meeting series) where pupils are discussed under an alias, and the append-only access log.

-- Verzuimmelding via het DUO-verzuimloket: the attendance officer's legal basis (Lpw art. 21a).
CREATE TABLE duo_report (
    id              BIGSERIAL PRIMARY KEY,
    pupil_id        BIGINT       NOT NULL REFERENCES pupil (id),
    school_id       BIGINT       NOT NULL REFERENCES school (id),
    kind            VARCHAR(40)  NOT NULL CHECK (kind IN ('RELATIVE_16H', 'OTHER_RELATIVE', 'LUXURY',
                        'SUSPECTED_UNAUTHORISED_SICKNESS', 'ABSOLUTE')),
    reported_on     DATE         NOT NULL,
    duo_reference   VARCHAR(40)  NOT NULL CHECK (length(trim(duo_reference)) > 0),
    recorded_by     BIGINT       NOT NULL REFERENCES user_account (id),
    recorded_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    closed_on       DATE,
    closed_by       BIGINT REFERENCES user_account (id),
    close_reason    VARCHAR(500),
    CHECK ((closed_on IS NULL) = (closed_by IS NULL)),
    CHECK (closed_on IS NULL OR closed_on >= reported_on)
);
CREATE INDEX duo_report_pupil_idx ON duo_report (pupil_id) WHERE closed_on IS NULL;

-- Toestemming: given by pupil and/or parent, to one party, for one purpose and data categories.
CREATE TABLE consent (
    id                BIGSERIAL PRIMARY KEY,
    pupil_id          BIGINT        NOT NULL REFERENCES pupil (id),
    party_id          BIGINT        NOT NULL REFERENCES party (id),
    purpose           VARCHAR(32)   NOT NULL CHECK (purpose IN ('VERZUIMOVERLEG', 'SOT', 'THUISZITTERSTAFEL')),
    hulpvraag         VARCHAR(500),
    categories        VARCHAR(32)[] NOT NULL CHECK (cardinality(categories) > 0),
    given_by_pupil    BOOLEAN       NOT NULL,
    given_by_parent   BOOLEAN       NOT NULL,
    parent_name       VARCHAR(200),
    method            VARCHAR(20)   NOT NULL CHECK (method IN ('VERBAL_IN_MEETING', 'WRITTEN')),
    given_on          DATE          NOT NULL,
    valid_until       DATE,
    recorded_by       BIGINT        NOT NULL REFERENCES user_account (id),
    recorded_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    withdrawn_on      DATE,
    withdrawn_by      BIGINT REFERENCES user_account (id),
    withdrawal_note   VARCHAR(500),
    CHECK (given_by_pupil OR given_by_parent),
    CHECK (NOT given_by_parent OR length(trim(coalesce(parent_name, ''))) > 0),
    CHECK (purpose <> 'SOT' OR length(trim(coalesce(hulpvraag, ''))) > 0),
    CHECK (valid_until IS NULL OR valid_until >= given_on),
    CHECK ((withdrawn_on IS NULL) = (withdrawn_by IS NULL))
);
CREATE INDEX consent_pupil_idx ON consent (pupil_id, party_id);

-- "The registering party informed the parents who will discuss their child."
CREATE TABLE parent_notification (
    id                 BIGSERIAL PRIMARY KEY,
    pupil_id           BIGINT       NOT NULL REFERENCES pupil (id),
    notifying_party_id BIGINT       NOT NULL REFERENCES party (id),
    purpose            VARCHAR(32)  NOT NULL CHECK (purpose IN ('VERZUIMOVERLEG', 'SOT', 'THUISZITTERSTAFEL')),
    notified_on        DATE         NOT NULL,
    note               VARCHAR(500),
    recorded_by        BIGINT       NOT NULL REFERENCES user_account (id),
    recorded_at        TIMESTAMPTZ  NOT NULL DEFAULT now()
);
-- The parties the parents were told would discuss their child.
CREATE TABLE parent_notification_party (
    notification_id  BIGINT NOT NULL REFERENCES parent_notification (id) ON DELETE CASCADE,
    party_id         BIGINT NOT NULL REFERENCES party (id),
    PRIMARY KEY (notification_id, party_id)
);

-- A standing table: the verzuimoverleg or SOT of one school, the thuiszitterstafel of one SWV.
CREATE TABLE meeting_series (
    id               BIGSERIAL PRIMARY KEY,
    type             VARCHAR(32)  NOT NULL CHECK (type IN ('VERZUIMOVERLEG', 'SOT', 'THUISZITTERSTAFEL')),
    name             VARCHAR(200) NOT NULL,
    school_id        BIGINT REFERENCES school (id),
    partnership_id   BIGINT REFERENCES party (id),
    CHECK ((type = 'THUISZITTERSTAFEL') = (partnership_id IS NOT NULL AND school_id IS NULL)),
    CHECK (type = 'THUISZITTERSTAFEL' OR school_id IS NOT NULL)
);

CREATE TABLE series_participant (
    series_id  BIGINT NOT NULL REFERENCES meeting_series (id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL REFERENCES user_account (id),
    PRIMARY KEY (series_id, user_id)
);

-- A pupil on a table's case list, with its alias there ("Leerling 4"), stable for the series.
CREATE TABLE series_case (
    series_id     BIGINT       NOT NULL REFERENCES meeting_series (id) ON DELETE CASCADE,
    pupil_id      BIGINT       NOT NULL REFERENCES pupil (id),
    alias_number  INT          NOT NULL CHECK (alias_number > 0),
    reason        VARCHAR(64), -- thuiszitterstafel: the reason code from the covenant table
    hulpvraag     VARCHAR(500), -- SOT: the described question
    added_by      BIGINT       NOT NULL REFERENCES user_account (id),
    added_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (series_id, pupil_id),
    UNIQUE (series_id, alias_number)
);
CREATE INDEX series_case_pupil_idx ON series_case (pupil_id);

-- A withdrawn consent, put in front of a party that received data under it (art. 11.5).
CREATE TABLE withdrawal_notice (
    id          BIGSERIAL PRIMARY KEY,
    consent_id  BIGINT      NOT NULL REFERENCES consent (id),
    party_id    BIGINT      NOT NULL REFERENCES party (id),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (consent_id, party_id)
);

-- Toegangslogboek (NEN 7513): every identified read. Append-only: a trigger refuses UPDATE and
-- DELETE, and each row carries a SHA-256 hash over its content and the previous row's hash, so
-- that a removed or altered row breaks the chain (see audit.AccessLogChain).
CREATE TABLE access_log (
    id          BIGINT       PRIMARY KEY,
    at          TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    user_id     BIGINT       NOT NULL,
    username    VARCHAR(64)  NOT NULL,
    party_id    BIGINT       NOT NULL,
    pupil_id    BIGINT       NOT NULL,
    context     VARCHAR(200) NOT NULL,
    basis_kind  VARCHAR(20)  NOT NULL,
    basis_id    BIGINT,
    prev_hash   CHAR(64)     NOT NULL,
    hash        CHAR(64)     NOT NULL
);
CREATE SEQUENCE access_log_id_seq;
CREATE INDEX access_log_pupil_idx ON access_log (pupil_id, at);
CREATE INDEX access_log_user_idx ON access_log (user_id, at);

CREATE FUNCTION access_log_row_hash(r access_log) RETURNS CHAR(64) LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(concat_ws('|', r.prev_hash, r.id, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
        r.user_id, r.username, r.party_id, r.pupil_id, r.context, r.basis_kind, coalesce(r.basis_id::text, '')), 'UTF8')), 'hex')
$$;

CREATE FUNCTION access_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- One writer at a time, and ids in the order of the chain.
    PERFORM pg_advisory_xact_lock(7513);
    NEW.id := nextval('access_log_id_seq');
    NEW.at := clock_timestamp();
    NEW.prev_hash := coalesce((SELECT hash FROM access_log ORDER BY id DESC LIMIT 1), repeat('0', 64));
    NEW.hash := access_log_row_hash(NEW);
    RETURN NEW;
END $$;
CREATE TRIGGER access_log_chain BEFORE INSERT ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_chain();

CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'access_log is append-only: % refused', TG_OP;
END $$;
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_append_only();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();
