-- The access log's rows are now gathered per transaction and written in one batch just before it commits
-- (audit.AccessLog, issue 14): whether a user already read a pupil in this transaction is known in memory, so the
-- insert no longer asks the table (the NOT EXISTS ... xmin check that V36's index served). The index only cost
-- every logged read a third index entry.
DROP INDEX IF EXISTS access_log_pupil_user_idx;
