-- Retention (covenant art. 5.5 and 9): the decision to close a pupil's case, the anonymised
-- statistics that remain after the personal data is destroyed, and a record of each destruction
-- that names no pupil.
--
-- What destruction (retention.DestructionService) does per table, in one transaction per pupil:
--   pupil_identity           deleted: name, birth date, BSN, address (art. 5.1a-b).
--   pupil                    deleted: school, school year and enrolment dates tie the case to a person.
--   duo_report               deleted: the report is about the pupil (DUO keeps its own copy, by law).
--   consent                  deleted, with the withdrawal_notice rows that point at its consents:
--                            they say which party received data about this pupil.
--   parent_notification      deleted; parent_notification_party goes with it (ON DELETE CASCADE).
--   series_case              deleted: the pupil's place and alias on a table's case list.
--   agenda_item              deleted (the meeting itself stays); agenda_note goes with it (CASCADE);
--                            a meeting whose current item it was points at no item any more.
--   meeting_action           deleted when it names the pupil or hangs on the pupil's agenda item:
--                            "what" is free text about the pupil.
--   absence_figure           deleted.
--   absence_record           deleted (no foreign key: checked by the import, see V4).
--   closing_decision         deleted: it is part of the case file.
--   access_log               NOT touched: append-only and hash-chained (V2); its rows keep the pupil
--                            number only. How long the log itself is kept is a separate decision.
-- The pupil's id then exists only in access_log and nowhere else.

-- Afsluitbesluit: the case is closed; the personal data goes at the latest on destroy_on.
-- Withdrawn (heropend) when the pupil turns up again before destruction; the withdrawal is kept
-- until destruction so that who closed and who reopened stays visible.
CREATE TABLE closing_decision (
    id                BIGSERIAL PRIMARY KEY,
    pupil_id          BIGINT       NOT NULL REFERENCES pupil (id),
    reason            VARCHAR(20)  NOT NULL CHECK (reason IN ('ATTENDED_ONE_YEAR', 'LEFT_REGION', 'DECEASED')),
    decided_on        DATE         NOT NULL,
    destroy_on        DATE         NOT NULL CHECK (destroy_on >= decided_on),
    decided_by        BIGINT       NOT NULL REFERENCES user_account (id),
    decided_by_party  BIGINT       NOT NULL REFERENCES party (id),
    recorded_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    withdrawn_at      TIMESTAMPTZ,
    withdrawn_by      BIGINT REFERENCES user_account (id),
    CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
);
-- At most one standing decision per pupil.
CREATE UNIQUE INDEX closing_decision_standing_idx ON closing_decision (pupil_id) WHERE withdrawn_at IS NULL;
CREATE INDEX closing_decision_due_idx ON closing_decision (destroy_on) WHERE withdrawn_at IS NULL;

-- What remains of destroyed cases (art. 9.3): counts per closing year, school sector, closing reason
-- and the kinds of table the pupil was discussed at. No pupil id, no date finer than a year.
CREATE TABLE retention_statistic (
    closing_year         INT         NOT NULL CHECK (closing_year BETWEEN 2000 AND 2200),
    sector               VARCHAR(3)  NOT NULL CHECK (sector IN ('PO', 'VO', 'MBO')),
    reason               VARCHAR(20) NOT NULL CHECK (reason IN ('ATTENDED_ONE_YEAR', 'LEFT_REGION', 'DECEASED')),
    at_verzuimoverleg    BOOLEAN     NOT NULL,
    at_sot               BOOLEAN     NOT NULL,
    at_thuiszitterstafel BOOLEAN     NOT NULL,
    cases                INT         NOT NULL CHECK (cases > 0),
    PRIMARY KEY (closing_year, sector, reason, at_verzuimoverleg, at_sot, at_thuiszitterstafel)
);

-- Vernietigingslog: how many cases were destroyed per school and day. Names no pupil.
CREATE TABLE destruction_log (
    destroyed_on  DATE        NOT NULL,
    school_id     BIGINT      NOT NULL REFERENCES school (id),
    cases         INT         NOT NULL CHECK (cases > 0),
    last_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (destroyed_on, school_id)
);
