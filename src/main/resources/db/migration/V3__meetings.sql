-- Meetings: planned sessions of a table, their agenda, notes, agreed actions and hand-entered
-- absence figures (until the absence import lands).

ALTER TABLE meeting_series
    ADD COLUMN chair_id     BIGINT REFERENCES user_account (id),
    ADD COLUMN every_weeks  INT CHECK (every_weeks BETWEEN 1 AND 12),
    ADD COLUMN location     VARCHAR(300);

CREATE TABLE meeting (
    id               BIGSERIAL PRIMARY KEY,
    series_id        BIGINT       NOT NULL REFERENCES meeting_series (id),
    starts_at        TIMESTAMPTZ  NOT NULL,
    location         VARCHAR(300),
    status           VARCHAR(12)  NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'OPEN', 'CLOSED', 'CANCELLED')),
    current_item_id  BIGINT,
    opened_at        TIMESTAMPTZ,
    closed_at        TIMESTAMPTZ
);
CREATE INDEX meeting_series_idx ON meeting (series_id, starts_at);

-- A pupil on a meeting's agenda, with what the meeting type asks at registration.
CREATE TABLE agenda_item (
    id                       BIGSERIAL PRIMARY KEY,
    meeting_id               BIGINT       NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    pupil_id                 BIGINT       NOT NULL REFERENCES pupil (id),
    position                 INT          NOT NULL,
    hulpvraag                VARCHAR(500),   -- SOT
    reason                   VARCHAR(64),    -- thuiszitterstafel: reason code of the covenant table
    consent_given            BOOLEAN,        -- thuiszitterstafel registration checks
    reported_to_duo          BOOLEAN,
    parents_know_cjg_asks    BOOLEAN,
    parents_informed_by      VARCHAR(200),
    registered_by            BIGINT       NOT NULL REFERENCES user_account (id),
    registered_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    case_manager_id          BIGINT REFERENCES user_account (id), -- casusregisseur (SOT) / procesbewaker (thuiszitterstafel)
    outcome                  VARCHAR(2000),
    version                  INT          NOT NULL DEFAULT 0,
    UNIQUE (meeting_id, pupil_id),
    UNIQUE (meeting_id, position)
);
ALTER TABLE meeting ADD CONSTRAINT meeting_current_item_fk FOREIGN KEY (current_item_id) REFERENCES agenda_item (id);

-- A note on an agenda item: who wrote it, for which party, and whether it was written seeing the
-- pupil by name; a note written under the alias stays with the alias.
CREATE TABLE agenda_note (
    id               BIGSERIAL PRIMARY KEY,
    item_id          BIGINT        NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
    author_id        BIGINT        NOT NULL REFERENCES user_account (id),
    author_party_id  BIGINT        NOT NULL REFERENCES party (id),
    written_under    VARCHAR(12)   NOT NULL CHECK (written_under IN ('IDENTIFIED', 'PSEUDONYMOUS')),
    text             VARCHAR(2000) NOT NULL CHECK (length(trim(text)) > 0),
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now()
);

-- An agreed action: what, who, by when. A "DUO report within 3 school days" agreement is done
-- when the school records the DUO report for that pupil.
CREATE TABLE meeting_action (
    id             BIGSERIAL PRIMARY KEY,
    series_id      BIGINT       NOT NULL REFERENCES meeting_series (id),
    meeting_id     BIGINT       NOT NULL REFERENCES meeting (id),
    item_id        BIGINT REFERENCES agenda_item (id),
    pupil_id       BIGINT REFERENCES pupil (id),
    kind           VARCHAR(20)  NOT NULL DEFAULT 'GENERAL' CHECK (kind IN ('GENERAL', 'DUO_REPORT')),
    what           VARCHAR(500) NOT NULL CHECK (length(trim(what)) > 0),
    owner_id       BIGINT       NOT NULL REFERENCES user_account (id),
    due_on         DATE         NOT NULL,
    done_on        DATE,
    created_by     BIGINT       NOT NULL REFERENCES user_account (id),
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX meeting_action_owner_idx ON meeting_action (owner_id) WHERE done_on IS NULL;
CREATE INDEX meeting_action_series_idx ON meeting_action (series_id) WHERE done_on IS NULL;

-- Absence figures per pupil, entered by the school by hand until the absence import lands.
CREATE TABLE absence_figure (
    pupil_id                   BIGINT PRIMARY KEY REFERENCES pupil (id),
    unauthorised_hours_4_weeks NUMERIC(5, 1) NOT NULL CHECK (unauthorised_hours_4_weeks >= 0),
    sick_reports_12_weeks      INT           NOT NULL CHECK (sick_reports_12_weeks >= 0),
    late_arrivals              INT           NOT NULL CHECK (late_arrivals >= 0),
    updated_by                 BIGINT        NOT NULL REFERENCES user_account (id),
    updated_at                 TIMESTAMPTZ   NOT NULL DEFAULT now()
);
