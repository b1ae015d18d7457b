-- Carrying out granted data-subject requests (covenant art. 13; AVG art. 12.3, 16-21).
--
-- The register gets the two-month extension (art. 12.3 AVG: the month may be extended by two months,
-- the requester told of the reasons within the first month) and the execution of a granted request:
-- when, by whom, and which datum it named (its kind and id, and for a pupil identity the field). The
-- corrected value is never stored here: it lives in the datum itself; the old value is kept nowhere.
ALTER TABLE data_subject_request
    ADD COLUMN extended_on      DATE,
    ADD COLUMN extension_reason VARCHAR(2000),
    ADD COLUMN executed_on      DATE,
    ADD COLUMN executed_by      BIGINT REFERENCES user_account (id),
    ADD COLUMN target_kind      VARCHAR(8) CHECK (target_kind IN ('PUPIL', 'NOTE', 'OUTCOME', 'ACTION')),
    ADD COLUMN target_id        BIGINT,
    ADD COLUMN target_field     VARCHAR(16) CHECK (target_field IN ('GIVEN_NAME', 'FAMILY_NAME', 'BIRTH_DATE', 'ADDRESS', 'POSTAL_CODE')),
    ADD COLUMN lifted_on        DATE,
    ADD CHECK ((extended_on IS NULL) = (extension_reason IS NULL)),
    ADD CHECK ((executed_on IS NULL) = (executed_by IS NULL)),
    ADD CHECK (executed_on IS NULL OR status = 'GRANTED'),
    ADD CHECK (lifted_on IS NULL OR (executed_on IS NOT NULL AND lifted_on >= executed_on));

-- A restriction (art. 18 AVG) or objection (art. 21 AVG) in force for a pupil, from the execution of the
-- request until lifted_on. The privacy kernel reads these (privacy.PupilRecords) and applies them in
-- privacy.DisclosurePolicy. Destroying the pupil's file takes them along.
CREATE TABLE processing_limit (
    request_id  BIGINT      PRIMARY KEY REFERENCES data_subject_request (id) ON DELETE CASCADE,
    pupil_id    BIGINT      NOT NULL REFERENCES pupil (id) ON DELETE CASCADE,
    kind        VARCHAR(11) NOT NULL CHECK (kind IN ('RESTRICTION', 'OBJECTION')),
    since       DATE        NOT NULL,
    lifted_on   DATE,
    CHECK (lifted_on IS NULL OR lifted_on >= since)
);
CREATE INDEX processing_limit_pupil_idx ON processing_limit (pupil_id) WHERE lifted_on IS NULL;

-- What a rectification or erasure changed: who, when, for which request, which datum (kind and id,
-- field) and which party provided it. Never the old value. A notice to the providing party (art. 19 AVG:
-- recipients are informed of a rectification or erasure) is the row's notified_party_id; the party's
-- users see it in the platform (rights.CorrectionNotices).
CREATE TABLE data_correction (
    id                 BIGSERIAL   PRIMARY KEY,
    request_id         BIGINT      NOT NULL REFERENCES data_subject_request (id) ON DELETE CASCADE,
    pupil_id           BIGINT      NOT NULL REFERENCES pupil (id) ON DELETE CASCADE,
    kind               VARCHAR(13) NOT NULL CHECK (kind IN ('RECTIFICATION', 'ERASURE')),
    target_kind        VARCHAR(8)  NOT NULL CHECK (target_kind IN ('PUPIL', 'NOTE', 'OUTCOME', 'ACTION')),
    target_id          BIGINT      NOT NULL,
    target_field       VARCHAR(16),
    corrected_by       BIGINT      NOT NULL REFERENCES user_account (id),
    corrected_by_party BIGINT      NOT NULL REFERENCES party (id),
    corrected_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    notified_party_id  BIGINT      NOT NULL REFERENCES party (id)
);
CREATE INDEX data_correction_party_idx ON data_correction (notified_party_id);
CREATE INDEX data_correction_pupil_idx ON data_correction (pupil_id);
