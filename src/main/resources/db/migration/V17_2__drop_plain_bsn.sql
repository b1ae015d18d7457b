-- After V17_1 encrypted every BSN: the plain column goes, the blind index keeps the BSN unique.
ALTER TABLE pupil_identity
    ALTER COLUMN bsn_cipher SET NOT NULL,
    ALTER COLUMN bsn_index SET NOT NULL,
    ADD CONSTRAINT pupil_identity_bsn_index_length CHECK (octet_length(bsn_index) = 16),
    DROP COLUMN bsn;
CREATE UNIQUE INDEX pupil_identity_bsn_index_key ON pupil_identity (bsn_index);
-- DROP COLUMN only hides the values, and V17_1's updates left the old row versions behind: rewriting the
-- table (CLUSTER may run inside Flyway's transaction, VACUUM FULL may not) removes both from its files.
CLUSTER pupil_identity USING pupil_identity_pkey;
