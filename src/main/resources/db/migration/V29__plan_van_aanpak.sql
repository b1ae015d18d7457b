-- The plan van aanpak of a case at a table (seed 004 Bijlage 3.2 SOT, 3.3 Thuiszitterstafel): the
-- coordinator (casusregisseur / procesbewaker), goals, interventions, the agreement with parents and pupil,
-- evaluation moments, and progress reports between meetings. Every line of the plan is case content with
-- its provenance (providing party, writer, writer basis + id, category), read only through
-- privacy.ContentPolicy. Lines are never updated in place: a change closes the line in the plan version it
-- is made in (to_version) and adds its successor (from_version), so every version can be shown again.
-- Rows hang off the case (series_case): destroying a pupil's file removes its plans with the case.

CREATE TABLE case_plan (
    id             BIGSERIAL PRIMARY KEY,
    series_id      BIGINT      NOT NULL,
    pupil_id       BIGINT      NOT NULL,
    coordinator_id BIGINT      NOT NULL REFERENCES user_account (id),
    version        INT         NOT NULL DEFAULT 1,
    closed_at      TIMESTAMPTZ,
    closed_reason  VARCHAR(32),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (series_id, pupil_id),
    FOREIGN KEY (series_id, pupil_id) REFERENCES series_case (series_id, pupil_id) ON DELETE CASCADE,
    CHECK ((closed_at IS NULL) = (closed_reason IS NULL))
);

-- Who changed the plan when (the "what" is in the lines that version added and closed).
CREATE TABLE plan_version (
    plan_id         BIGINT      NOT NULL REFERENCES case_plan (id) ON DELETE CASCADE,
    version         INT         NOT NULL,
    changed_by      BIGINT      NOT NULL REFERENCES user_account (id),
    changed_party   BIGINT      NOT NULL REFERENCES party (id),
    changed_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    coordinator_id  BIGINT      NOT NULL REFERENCES user_account (id),
    PRIMARY KEY (plan_id, version)
);

CREATE TABLE plan_line (
    id                   BIGSERIAL PRIMARY KEY,
    plan_id              BIGINT       NOT NULL REFERENCES case_plan (id) ON DELETE CASCADE,
    line_key             BIGINT       NOT NULL,
    kind                 VARCHAR(16)  NOT NULL CHECK (kind IN ('GOAL', 'INTERVENTION', 'AGREEMENT', 'EVALUATION')),
    text                 VARCHAR(2000),
    intervention_kind    VARCHAR(16)  CHECK (intervention_kind IN ('EDUCATION', 'YOUTH_CARE', 'HOME', 'STEPWISE_RETURN')),
    responsible_party_id BIGINT       REFERENCES party (id),
    responsible_user_id  BIGINT       REFERENCES user_account (id),
    starts_on            DATE,
    ends_on              DATE,
    on_date              DATE,
    done                 BOOLEAN      NOT NULL DEFAULT false,
    from_version         INT          NOT NULL,
    to_version           INT,
    writer_id            BIGINT       NOT NULL REFERENCES user_account (id),
    writer_party_id      BIGINT       NOT NULL REFERENCES party (id),
    writer_basis         VARCHAR(16)  NOT NULL CHECK (writer_basis IN ('ENROLMENT', 'DUO_REPORT', 'CONSENT', 'NOTIFICATION', 'PSEUDONYMOUS')),
    writer_basis_id      BIGINT,
    category             VARCHAR(32)  NOT NULL,
    CHECK (kind <> 'INTERVENTION' OR (intervention_kind IS NOT NULL AND responsible_party_id IS NOT NULL)),
    CHECK (kind NOT IN ('AGREEMENT', 'EVALUATION') OR on_date IS NOT NULL),
    CHECK (to_version IS NULL OR to_version > from_version)
);
CREATE INDEX plan_line_plan ON plan_line (plan_id, line_key);
CREATE SEQUENCE plan_line_key;

CREATE TABLE plan_progress (
    id              BIGSERIAL PRIMARY KEY,
    plan_id         BIGINT        NOT NULL REFERENCES case_plan (id) ON DELETE CASCADE,
    text            VARCHAR(2000) NOT NULL,
    written_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    writer_id       BIGINT        NOT NULL REFERENCES user_account (id),
    writer_party_id BIGINT        NOT NULL REFERENCES party (id),
    writer_basis    VARCHAR(16)   NOT NULL CHECK (writer_basis IN ('ENROLMENT', 'DUO_REPORT', 'CONSENT', 'NOTIFICATION', 'PSEUDONYMOUS')),
    writer_basis_id BIGINT,
    category        VARCHAR(32)   NOT NULL
);
CREATE INDEX plan_progress_plan ON plan_progress (plan_id, written_at);
