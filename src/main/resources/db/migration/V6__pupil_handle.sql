-- The handle by which a pupil on a table's case list leaves the server (API, URLs) instead of its pupil
-- number: 122 random bits (a version-4 UUID) written as 32 letters a-p (the hex digits 0-9 moved to g-p,
-- so a handle never contains a number). It is random rather than derived from the pupil number, so there
-- is no secret to keep and nothing ties the handles of one pupil at two tables to each other or to the
-- pupil. Existing rows each get their own value (a volatile default is evaluated per row).
ALTER TABLE series_case
    ADD COLUMN handle VARCHAR(32) NOT NULL
        DEFAULT translate(replace(gen_random_uuid()::text, '-', ''), '0123456789', 'ghijklmnop');
ALTER TABLE series_case ADD CONSTRAINT series_case_handle_key UNIQUE (handle);
