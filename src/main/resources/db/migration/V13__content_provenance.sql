-- Provenance of case content (covenant art. 3.4c, 8.1; PRODUCT kernel rule 6): every note, outcome,
-- action text and registration records the party that provided it, the basis under which its writer saw
-- the pupil (ENROLMENT, DUO_REPORT, CONSENT, NOTIFICATION or PSEUDONYMOUS, with the id of the consent,
-- DUO report, notification or school behind it) and, where the writer picks it, its data category
-- (art. 5.1 categories or HEALTH). privacy.ContentPolicy decides from these who may read the content.
--
-- Rows written before this migration get defaults that never show more than before:
--  * basis: PSEUDONYMOUS for a note written under the alias; otherwise the basis the writer's party type
--    normally has (school ENROLMENT, municipality DUO_REPORT, the other parties CONSENT), without an id:
--    the consent used is not known, so content from a consent-based party reaches only parties that a
--    consent of their own names (rule CONSENT_CONTENT_NEEDS_CONSENT_FOR_THE_VIEWER);
--  * category: HEALTH for a note the JGZ/CJG wrote seeing the pupil by name (it may hold findings), else
--    SUPPORT; outcomes SUPPORT; actions INTERVENTIONS (the covenant file's fixedCategories);
--  * an outcome's writer is not known: it is attributed to the party that registered the item.
-- A row inserted without provenance (by SQL outside the services) gets the same defaults from the
-- triggers at the end, so that no content is ever without a provider, a basis and a category.

CREATE FUNCTION content_basis_of(party BIGINT, pseudonymous BOOLEAN) RETURNS VARCHAR AS $$
    SELECT CASE WHEN pseudonymous THEN 'PSEUDONYMOUS'
                ELSE (SELECT CASE p.type WHEN 'SCHOOL_BOARD' THEN 'ENROLMENT' WHEN 'MUNICIPALITY' THEN 'DUO_REPORT'
                                         ELSE 'CONSENT' END FROM party p WHERE p.id = party) END
$$ LANGUAGE sql STABLE;

ALTER TABLE agenda_note
    ADD COLUMN category        VARCHAR(32),
    ADD COLUMN writer_basis    VARCHAR(16),
    ADD COLUMN writer_basis_id BIGINT;
UPDATE agenda_note n
   SET writer_basis = content_basis_of(n.author_party_id, n.written_under = 'PSEUDONYMOUS'),
       category = CASE WHEN n.written_under = 'IDENTIFIED'
                        AND (SELECT p.type FROM party p WHERE p.id = n.author_party_id) = 'YOUTH_HEALTH'
                       THEN 'HEALTH' ELSE 'SUPPORT' END;
ALTER TABLE agenda_note
    ALTER COLUMN category SET NOT NULL,
    ALTER COLUMN writer_basis SET NOT NULL,
    ADD CHECK (writer_basis IN ('ENROLMENT', 'DUO_REPORT', 'CONSENT', 'NOTIFICATION', 'PSEUDONYMOUS')),
    ADD CHECK ((writer_basis = 'PSEUDONYMOUS') = (written_under = 'PSEUDONYMOUS'));

ALTER TABLE agenda_item
    ADD COLUMN registered_party_id BIGINT REFERENCES party (id),
    ADD COLUMN registered_basis    VARCHAR(16),
    ADD COLUMN registered_basis_id BIGINT,
    ADD COLUMN outcome_by          BIGINT REFERENCES user_account (id),
    ADD COLUMN outcome_party_id    BIGINT REFERENCES party (id),
    ADD COLUMN outcome_basis       VARCHAR(16),
    ADD COLUMN outcome_basis_id    BIGINT,
    ADD COLUMN outcome_category    VARCHAR(32);
UPDATE agenda_item i
   SET registered_party_id = (SELECT u.party_id FROM user_account u WHERE u.id = i.registered_by);
UPDATE agenda_item i
   SET registered_basis = content_basis_of(i.registered_party_id, false);
UPDATE agenda_item i
   SET outcome_party_id = i.registered_party_id, outcome_basis = i.registered_basis, outcome_category = 'SUPPORT'
 WHERE i.outcome IS NOT NULL;
ALTER TABLE agenda_item
    ALTER COLUMN registered_party_id SET NOT NULL,
    ALTER COLUMN registered_basis SET NOT NULL,
    ADD CHECK (registered_basis IN ('ENROLMENT', 'DUO_REPORT', 'CONSENT', 'NOTIFICATION', 'PSEUDONYMOUS')),
    ADD CHECK (outcome_basis IS NULL OR outcome_basis IN ('ENROLMENT', 'DUO_REPORT', 'CONSENT', 'NOTIFICATION', 'PSEUDONYMOUS')),
    ADD CHECK (outcome IS NULL OR (outcome_party_id IS NOT NULL AND outcome_basis IS NOT NULL AND outcome_category IS NOT NULL));

ALTER TABLE meeting_action
    ADD COLUMN writer_party_id BIGINT REFERENCES party (id),
    ADD COLUMN writer_basis    VARCHAR(16),
    ADD COLUMN writer_basis_id BIGINT,
    ADD COLUMN category        VARCHAR(32);
UPDATE meeting_action a
   SET writer_party_id = (SELECT u.party_id FROM user_account u WHERE u.id = a.created_by), category = 'INTERVENTIONS';
UPDATE meeting_action a
   SET writer_basis = content_basis_of(a.writer_party_id, false);
ALTER TABLE meeting_action
    ALTER COLUMN writer_party_id SET NOT NULL,
    ALTER COLUMN writer_basis SET NOT NULL,
    ALTER COLUMN category SET NOT NULL,
    ADD CHECK (writer_basis IN ('ENROLMENT', 'DUO_REPORT', 'CONSENT', 'NOTIFICATION', 'PSEUDONYMOUS'));

-- A data-subject request's summary and motivation are content the chair brought in: the chair's basis.
ALTER TABLE data_subject_request
    ADD COLUMN registered_basis    VARCHAR(16),
    ADD COLUMN registered_basis_id BIGINT;
UPDATE data_subject_request r SET registered_basis = content_basis_of(r.registered_by_party, false);

-- The scope of a consent: the other parties to which content given under it may go (N33). Empty: none.
ALTER TABLE consent ADD COLUMN shared_with BIGINT[] NOT NULL DEFAULT '{}';

CREATE FUNCTION content_provenance_default() RETURNS trigger AS $$
BEGIN
    IF TG_TABLE_NAME = 'agenda_note' THEN
        NEW.writer_basis := coalesce(NEW.writer_basis, content_basis_of(NEW.author_party_id, NEW.written_under = 'PSEUDONYMOUS'));
        NEW.category := coalesce(NEW.category, CASE WHEN NEW.written_under = 'IDENTIFIED'
            AND (SELECT p.type FROM party p WHERE p.id = NEW.author_party_id) = 'YOUTH_HEALTH' THEN 'HEALTH' ELSE 'SUPPORT' END);
    ELSIF TG_TABLE_NAME = 'agenda_item' THEN
        NEW.registered_party_id := coalesce(NEW.registered_party_id, (SELECT u.party_id FROM user_account u WHERE u.id = NEW.registered_by));
        NEW.registered_basis := coalesce(NEW.registered_basis, content_basis_of(NEW.registered_party_id, false));
        IF NEW.outcome IS NOT NULL THEN
            NEW.outcome_party_id := coalesce(NEW.outcome_party_id, NEW.registered_party_id);
            NEW.outcome_basis := coalesce(NEW.outcome_basis, content_basis_of(NEW.outcome_party_id, false));
            NEW.outcome_category := coalesce(NEW.outcome_category, 'SUPPORT');
        END IF;
    ELSIF TG_TABLE_NAME = 'data_subject_request' THEN
        NEW.registered_basis := coalesce(NEW.registered_basis, content_basis_of(NEW.registered_by_party, false));
    ELSIF TG_TABLE_NAME = 'meeting_action' THEN
        NEW.writer_party_id := coalesce(NEW.writer_party_id, (SELECT u.party_id FROM user_account u WHERE u.id = NEW.created_by));
        NEW.writer_basis := coalesce(NEW.writer_basis, content_basis_of(NEW.writer_party_id, false));
        NEW.category := coalesce(NEW.category, 'INTERVENTIONS');
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER agenda_note_provenance BEFORE INSERT ON agenda_note
    FOR EACH ROW EXECUTE FUNCTION content_provenance_default();
CREATE TRIGGER agenda_item_provenance BEFORE INSERT OR UPDATE ON agenda_item
    FOR EACH ROW EXECUTE FUNCTION content_provenance_default();
CREATE TRIGGER meeting_action_provenance BEFORE INSERT ON meeting_action
    FOR EACH ROW EXECUTE FUNCTION content_provenance_default();
CREATE TRIGGER data_subject_request_provenance BEFORE INSERT ON data_subject_request
    FOR EACH ROW EXECUTE FUNCTION content_provenance_default();
ALTER TABLE data_subject_request
    ALTER COLUMN registered_basis SET NOT NULL,
    ADD CHECK (registered_basis IN ('ENROLMENT', 'DUO_REPORT', 'CONSENT', 'NOTIFICATION', 'PSEUDONYMOUS'));
