-- Afschaling (Bijlage 3.2/3.3 of the covenant): a table decides to scale a pupil's case down. The privacy
-- kernel (privacy.Seats) then stops granting the seat at that table to anyone but participants of the
-- party of the pupil's school of enrolment. Registering the pupil at the table again reopens the case.
ALTER TABLE series_case
    ADD COLUMN scaled_down_at          TIMESTAMPTZ,
    ADD COLUMN scaled_down_on          DATE,
    ADD COLUMN scaled_down_reason      VARCHAR(20) CHECK (scaled_down_reason IN ('BACK_IN_EDUCATION', 'IN_WORK', 'MOVED', 'OTHER')),
    ADD COLUMN scaled_down_explanation VARCHAR(500),
    ADD COLUMN scaled_down_by          BIGINT REFERENCES user_account (id),
    ADD CONSTRAINT series_case_scaled_down_complete CHECK (
        (scaled_down_at IS NULL) = (scaled_down_reason IS NULL)
        AND (scaled_down_at IS NULL) = (scaled_down_on IS NULL)
        AND (scaled_down_at IS NULL) = (scaled_down_by IS NULL)
        AND (scaled_down_reason <> 'OTHER' OR length(trim(scaled_down_explanation)) > 0));

-- What each participant of the table is told of an afschaling (on the home screen). The text is made at
-- read time through the privacy kernel: the pupil's name only for who still sees it, else the alias.
CREATE TABLE scale_down_notice (
    id          BIGSERIAL PRIMARY KEY,
    series_id   BIGINT      NOT NULL,
    pupil_id    BIGINT      NOT NULL,
    user_id     BIGINT      NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    alias_number INT        NOT NULL,
    decided_on  DATE        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    FOREIGN KEY (series_id, pupil_id) REFERENCES series_case (series_id, pupil_id) ON DELETE CASCADE
);
CREATE INDEX scale_down_notice_user_idx ON scale_down_notice (user_id, created_at DESC);

-- The thuiszitter's timeline at a thuiszitterstafel (Bijlage 3.3): periods out of school (absolute or
-- relative verzuim, with or without vrijstelling), the day a suitable offer (passend aanbod) was found,
-- the steps of the return (hours or days per week) and the day the pupil is fully back in education or
-- work. Each entry is case content with its provenance (as V13__content_provenance.sql), read through
-- privacy.ContentPolicy.
CREATE TABLE thuiszitter_entry (
    id                 BIGSERIAL PRIMARY KEY,
    series_id          BIGINT       NOT NULL,
    pupil_id           BIGINT       NOT NULL,
    kind               VARCHAR(16)  NOT NULL CHECK (kind IN ('OUT_OF_SCHOOL', 'OFFER_FOUND', 'RETURN_STEP', 'FULLY_BACK')),
    absence_kind       VARCHAR(10)  CHECK (absence_kind IN ('ABSOLUTE', 'RELATIVE')),
    exemption          BOOLEAN,
    starts_on          DATE         NOT NULL,
    ends_on            DATE,
    hours_per_week     NUMERIC(4, 1) CHECK (hours_per_week > 0 AND hours_per_week <= 60),
    days_per_week      INT          CHECK (days_per_week BETWEEN 1 AND 7),
    description        VARCHAR(500),
    provider_party_id  BIGINT       NOT NULL REFERENCES party (id),
    writer_id          BIGINT       NOT NULL REFERENCES user_account (id),
    writer_basis       VARCHAR(16)  NOT NULL CHECK (writer_basis IN ('ENROLMENT', 'DUO_REPORT', 'CONSENT', 'NOTIFICATION', 'PSEUDONYMOUS')),
    writer_basis_id    BIGINT,
    category           VARCHAR(32)  NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    FOREIGN KEY (series_id, pupil_id) REFERENCES series_case (series_id, pupil_id) ON DELETE CASCADE,
    CHECK (ends_on IS NULL OR ends_on >= starts_on),
    CHECK ((kind = 'OUT_OF_SCHOOL') = (absence_kind IS NOT NULL AND exemption IS NOT NULL)),
    CHECK (kind = 'OUT_OF_SCHOOL' OR kind = 'RETURN_STEP' OR ends_on IS NULL)
);
CREATE INDEX thuiszitter_entry_case_idx ON thuiszitter_entry (series_id, pupil_id, starts_on);
