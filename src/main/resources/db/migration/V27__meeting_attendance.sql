-- Who attended a meeting: the chair records, per participant of the table, present, absent, or
-- absent with notice (afgemeld). The minutes list those present and those absent with notice
-- instead of every member of the table. A participant without a row has not been recorded.
CREATE TABLE meeting_attendance (
    meeting_id   BIGINT       NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    user_id      BIGINT       NOT NULL REFERENCES user_account (id),
    presence     VARCHAR(12)  NOT NULL CHECK (presence IN ('PRESENT', 'ABSENT', 'EXCUSED')),
    recorded_by  BIGINT       NOT NULL REFERENCES user_account (id),
    recorded_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (meeting_id, user_id)
);
