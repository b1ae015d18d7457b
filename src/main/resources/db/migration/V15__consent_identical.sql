-- One row for one consent: the same consent recorded twice (two clicks, two requests at the same
-- moment) is stored once. ConsentService serialises recordings per pupil and returns the stored one;
-- this index is the backstop. Categories and shared_with are stored sorted from now on.
CREATE UNIQUE INDEX consent_identical_idx ON consent (pupil_id, party_id, purpose, coalesce(hulpvraag, ''), categories,
    given_by_pupil, given_by_parent, given_on, shared_with) WHERE withdrawn_on IS NULL;
