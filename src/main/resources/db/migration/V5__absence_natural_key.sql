-- An absence record is identified by the school's own record id: (school_id, source_id) becomes the
-- primary key and the surrogate id goes (nothing refers to it). source_id compares bytewise
-- (COLLATE "C"): record ids are codes, not words, and a bytewise key makes the 1,000,000-row import's
-- index writes markedly cheaper than a locale-aware one (see bench/RESULTS.md).

ALTER TABLE absence_record DROP CONSTRAINT absence_record_pkey;
ALTER TABLE absence_record DROP COLUMN id;
ALTER TABLE absence_record DROP CONSTRAINT absence_record_school_id_source_id_key;
ALTER TABLE absence_record ALTER COLUMN source_id TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE absence_record ADD PRIMARY KEY (school_id, source_id);
