-- The BSN encrypted at rest (issue 10, finding h). The application encrypts with AES-256-GCM under a key
-- kept outside the database (privacy.BsnCipher); bsn_cipher is [key version][nonce][ciphertext + tag],
-- bsn_index a keyed blind index (HMAC-SHA256, 16 bytes) for look-ups and uniqueness.
-- V17_1 (a Java migration, privacy.BsnEncryptionMigration) fills them from the plain column;
-- V17_2 then drops the plain column.
ALTER TABLE pupil_identity
    ADD COLUMN bsn_cipher BYTEA,
    ADD COLUMN bsn_index  BYTEA;
