-- Absence records per pupil, date and lesson hour or part of day, as the school registered them
-- (imported from the school's export or pushed by its administration system). The school's own
-- record id is unique per school: importing or pushing a record again changes nothing.
-- school_id and pupil_id carry no foreign keys on purpose: the import checks both against school and
-- pupil in the same transaction (the pupil must be enrolled at that school on that date), and the
-- per-row key checks would double the time of a 1,000,000-row import (see bench/RESULTS.md).
-- Schools and pupils are never deleted by the application.

CREATE TABLE absence_record (
    id            BIGSERIAL PRIMARY KEY,
    school_id     BIGINT        NOT NULL, -- school (id), checked by the import
    source_id     VARCHAR(64)   NOT NULL CHECK (length(trim(source_id)) > 0), -- the school's own record id
    pupil_id      BIGINT        NOT NULL, -- pupil (id), checked by the import
    absence_date  DATE          NOT NULL,
    lesson_hour   SMALLINT      CHECK (lesson_hour BETWEEN 1 AND 16),
    part_of_day   VARCHAR(9)    CHECK (part_of_day IN ('MORNING', 'AFTERNOON', 'DAY')),
    kind          VARCHAR(12)   NOT NULL CHECK (kind IN ('SICK', 'LEAVE', 'OTHER_VALID', 'UNAUTHORISED', 'LATE')),
    hours         NUMERIC(5, 2) NOT NULL CHECK (hours >= 0 AND hours <= 16),
    hour_unit     VARCHAR(11)   NOT NULL CHECK (hour_unit IN ('CLOCK_HOUR', 'LESSON_HOUR')), -- PO clock hours, VO/MBO lesson hours
    reason_code   VARCHAR(20),                                                    -- the school's own reason code
    recorded_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    UNIQUE (school_id, source_id),
    CHECK ((lesson_hour IS NULL) <> (part_of_day IS NULL))
);
CREATE INDEX absence_record_pupil_idx ON absence_record (pupil_id, absence_date);
CREATE INDEX absence_record_school_idx ON absence_record (school_id, absence_date);
