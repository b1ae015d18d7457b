-- An absence record is identified by the school's own record id: (school_id, source_id) becomes the
-- primary key and the surrogate id goes (nothing refers to it). One secondary index, (school_id,
-- pupil_id, absence_date), serves both the school's signals (all its pupils, in pupil and date order)
-- and one pupil's records (a pupil's records are always stored under the pupil's school); it replaces
-- the two indexes of V4, and every index less is a cheaper import. source_id compares bytewise
-- (COLLATE "C"): record ids are codes, not words, and a bytewise key makes the 1,000,000-row import's
-- index writes markedly cheaper than a locale-aware one (see bench/RESULTS.md).

ALTER TABLE absence_record DROP CONSTRAINT absence_record_pkey;
ALTER TABLE absence_record DROP COLUMN id;
ALTER TABLE absence_record DROP CONSTRAINT absence_record_school_id_source_id_key;
ALTER TABLE absence_record ALTER COLUMN source_id TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE absence_record ADD PRIMARY KEY (school_id, source_id);

DROP INDEX absence_record_pupil_idx;
DROP INDEX absence_record_school_idx;
CREATE INDEX absence_record_pupil_idx ON absence_record (school_id, pupil_id, absence_date);
