-- Signals kept per pupil (issue 14): absence.AbsenceSignals keeps each pupil's computed signals in memory with the
-- version of the data they came from, and recomputes only pupils whose version moved. Every change a pupil's signals
-- depend on moves it here, in the changing transaction, whoever writes: the absence records (imports, the API,
-- corrections, erasure, destruction), the pupil's DUO reports, and the pupil's school and enrolment dates.
-- A reader that sees version v also sees the data of v (one snapshot per statement, data read after the version),
-- so a result is never kept under a version newer than its data.
ALTER TABLE pupil ADD COLUMN signal_version BIGINT NOT NULL DEFAULT 0;

-- The pupils of a statement's changed records, locked in id order (two imports never wait on each other crosswise).
CREATE FUNCTION pupil_signals_stale(pupil_ids BIGINT[]) RETURNS void LANGUAGE sql AS $$
    UPDATE pupil SET signal_version = signal_version + 1
     WHERE id IN (SELECT id FROM pupil WHERE id = ANY (pupil_ids) ORDER BY id FOR NO KEY UPDATE)
$$;

CREATE FUNCTION absence_records_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pupil_signals_stale(ARRAY(SELECT DISTINCT pupil_id FROM changed_rows));
    RETURN NULL;
END $$;
CREATE FUNCTION absence_records_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pupil_signals_stale(ARRAY(SELECT pupil_id FROM changed_rows UNION SELECT pupil_id FROM previous_rows));
    RETURN NULL;
END $$;
CREATE FUNCTION absence_records_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pupil_signals_stale(ARRAY(SELECT DISTINCT pupil_id FROM previous_rows));
    RETURN NULL;
END $$;
CREATE TRIGGER absence_records_added AFTER INSERT ON absence_record
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION absence_records_added();
CREATE TRIGGER absence_records_changed AFTER UPDATE ON absence_record
    REFERENCING OLD TABLE AS previous_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION absence_records_changed();
CREATE TRIGGER absence_records_removed AFTER DELETE ON absence_record
    REFERENCING OLD TABLE AS previous_rows FOR EACH STATEMENT EXECUTE FUNCTION absence_records_removed();

CREATE FUNCTION duo_report_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM pupil_signals_stale(ARRAY[OLD.pupil_id]);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM pupil_signals_stale(ARRAY[NEW.pupil_id]);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER duo_report_changed AFTER INSERT OR UPDATE OR DELETE ON duo_report
    FOR EACH ROW EXECUTE FUNCTION duo_report_changed();

CREATE FUNCTION pupil_enrolment_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.school_id, NEW.enrolled_on, NEW.enrolled_until) IS DISTINCT FROM (OLD.school_id, OLD.enrolled_on, OLD.enrolled_until) THEN
        NEW.signal_version := OLD.signal_version + 1;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER pupil_enrolment_changed BEFORE UPDATE ON pupil
    FOR EACH ROW EXECUTE FUNCTION pupil_enrolment_changed();
