-- Monitoring (issue 12): summary tables of absence, kept up to date by each absence import in its own
-- transaction (monitoring.AbsenceSummaries listens to absence.AbsenceImported), so that the dashboards read a
-- few thousand rows instead of millions of absence records. They hold counts per school and period only, no
-- pupil: what remains after a pupil's records are destroyed is an anonymised count (covenant art. 9.3).
-- A DUO report, a table's case list and a closing decision are rare (hundreds to thousands per region and year)
-- and are counted where they are.

-- Pupils with absence of a kind per school and calendar month (the month's first day).
CREATE TABLE monitoring_absence_month (
    school_id  BIGINT        NOT NULL,
    month      DATE          NOT NULL CHECK (extract(day FROM month) = 1),
    kind       VARCHAR(12)   NOT NULL,
    pupils     INT           NOT NULL CHECK (pupils > 0),
    records    INT           NOT NULL CHECK (records > 0),
    hours      NUMERIC(12, 2) NOT NULL,
    PRIMARY KEY (school_id, month, kind)
);

-- Pupils with absence of a kind per school, school year (the year it starts, 1 August) and class year (leerjaar,
-- as the pupil is enrolled now: the platform keeps no history of class years).
CREATE TABLE monitoring_absence_year (
    school_id    BIGINT      NOT NULL,
    school_year  INT         NOT NULL CHECK (school_year BETWEEN 2000 AND 2200),
    class_year   INT         NOT NULL,
    kind         VARCHAR(12) NOT NULL,
    pupils       INT         NOT NULL CHECK (pupils > 0),
    PRIMARY KEY (school_id, school_year, class_year, kind)
);

-- What is already there (an existing installation): summarised once here.
INSERT INTO monitoring_absence_month (school_id, month, kind, pupils, records, hours)
SELECT school_id, date_trunc('month', absence_date)::date, kind, count(DISTINCT pupil_id), count(*), sum(hours)
  FROM absence_record
 GROUP BY 1, 2, 3;

INSERT INTO monitoring_absence_year (school_id, school_year, class_year, kind, pupils)
SELECT r.school_id, extract(year FROM r.absence_date - interval '7 months')::int, p.school_year, r.kind, count(DISTINCT r.pupil_id)
  FROM absence_record r JOIN pupil p ON p.id = r.pupil_id
 GROUP BY 1, 2, 3, 4;
