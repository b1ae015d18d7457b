-- Verzoeken van betrokkenen (covenant art. 13): a pupil, or a parent, asks the regisseur (chair) of a
-- table in writing for access, rectification, restriction, objection, erasure or portability. The chair
-- registers the request at that table, discusses it with the other parties there (13.2) and decides
-- within the AVG's month (art. 12.3 AVG); a refusal carries a written motivation.
--
-- The rows are part of the pupil's case file: destruction of the pupil (retention.DestructionService
-- deletes the pupil row) takes them along (ON DELETE CASCADE).
CREATE TABLE data_subject_request (
    id                   BIGSERIAL PRIMARY KEY,
    pupil_id             BIGINT        NOT NULL REFERENCES pupil (id) ON DELETE CASCADE,
    series_id            BIGINT        NOT NULL REFERENCES meeting_series (id),
    kind                 VARCHAR(14)   NOT NULL CHECK (kind IN ('ACCESS', 'RECTIFICATION', 'RESTRICTION', 'OBJECTION',
                                                               'ERASURE', 'PORTABILITY')),
    requested_by         VARCHAR(6)    NOT NULL CHECK (requested_by IN ('PUPIL', 'PARENT')),
    received_on          DATE          NOT NULL,
    due_on               DATE          NOT NULL CHECK (due_on > received_on),
    summary              VARCHAR(1000),
    registered_by        BIGINT        NOT NULL REFERENCES user_account (id),
    registered_by_party  BIGINT        NOT NULL REFERENCES party (id),
    registered_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    status               VARCHAR(8)    NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'GRANTED', 'REFUSED')),
    decided_on           DATE,
    decided_by           BIGINT REFERENCES user_account (id),
    motivation           VARCHAR(4000),
    CHECK ((status = 'OPEN') = (decided_on IS NULL)),
    CHECK ((status = 'OPEN') = (decided_by IS NULL)),
    -- Art. 13.2: a refusal is made known in writing and clearly motivated.
    CHECK (status <> 'REFUSED' OR length(trim(coalesce(motivation, ''))) > 0),
    CHECK (decided_on IS NULL OR decided_on >= received_on)
);
CREATE INDEX data_subject_request_open_idx ON data_subject_request (series_id, due_on) WHERE status = 'OPEN';
CREATE INDEX data_subject_request_pupil_idx ON data_subject_request (pupil_id);
