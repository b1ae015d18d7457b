-- The access log's rows are now gathered per transaction and written in one batch just before it commits
-- (audit.AccessLog, issue 14): whether a user already read a pupil in this transaction is known in memory, so the
-- insert no longer asks the table (the NOT EXISTS ... xmin check that V36's index served). The index only cost
-- every logged read a third index entry.
DROP INDEX IF EXISTS access_log_pupil_user_idx;

-- The chain's trigger reads the newest row (ORDER BY id DESC LIMIT 1) for every row it writes. Its plan is cached
-- per connection for as long as the connection lives; planned while the table was empty or small (a new region, a
-- fresh ANALYZE), it was a sequential scan with a sort, kept after the log had grown: every logged read then scanned
-- the whole log (bench/region: 17 ms per row, 57 s for a list of 5,000 pupils). The newest row is always one step
-- of the primary key backwards, so the trigger never plans a sequential scan.
ALTER FUNCTION access_log_chain() SET enable_seqscan = off;
