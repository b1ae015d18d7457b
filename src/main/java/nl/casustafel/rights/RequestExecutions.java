package nl.casustafel.rights;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import nl.casustafel.meeting.MeetingSeries;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Every statement that carries out a granted request: finding the named datum (only when it is about the
 * request's pupil), changing or removing it, recording the correction, the restriction or objection in
 * force, the extension and the execution itself. The case content tables belong to {@code meeting}; a
 * rectification or erasure is the one write from outside it, done here so the whole execution is one
 * transaction. The root entity stands in as in {@link DataSubjectRequests}.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface RequestExecutions extends GenericRepository<MeetingSeries, Long> {

    /** A datum of case content with its provenance and a short description (never shown beyond the chair who may read it). */
    @Introspected
    record Content(String kind, long id, String text, long providerPartyId, String provider, @Nullable Long writerId,
                   String writerBasis, @Nullable Long writerBasisId, String category, @Nullable Long assigneeId,
                   Instant at, String table) {
    }

    String NOTES = """
            SELECT 'NOTE' AS kind, n.id, n.text, n.author_party_id AS provider_party_id, pa.name AS provider, n.author_id AS writer_id,
                   n.writer_basis, n.writer_basis_id, n.category, NULL::bigint AS assignee_id, n.created_at AS at, ms.name AS "table"
              FROM agenda_note n JOIN agenda_item i ON i.id = n.item_id JOIN meeting m ON m.id = i.meeting_id
              JOIN meeting_series ms ON ms.id = m.series_id JOIN party pa ON pa.id = n.author_party_id
             WHERE i.pupil_id = :pupilId
            """;
    String OUTCOMES = """
            SELECT 'OUTCOME' AS kind, i.id, i.outcome AS text, i.outcome_party_id AS provider_party_id, pa.name AS provider,
                   i.outcome_by AS writer_id, i.outcome_basis AS writer_basis, i.outcome_basis_id AS writer_basis_id,
                   i.outcome_category AS category, NULL::bigint AS assignee_id, m.starts_at AS at, ms.name AS "table"
              FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id JOIN meeting_series ms ON ms.id = m.series_id
              JOIN party pa ON pa.id = i.outcome_party_id
             WHERE i.pupil_id = :pupilId AND i.outcome IS NOT NULL
            """;
    String ACTIONS = """
            SELECT 'ACTION' AS kind, a.id, a.what AS text, a.writer_party_id AS provider_party_id, pa.name AS provider,
                   a.created_by AS writer_id, a.writer_basis, a.writer_basis_id, a.category, a.owner_id AS assignee_id,
                   a.created_at AS at, ms.name AS "table"
              FROM meeting_action a JOIN meeting_series ms ON ms.id = a.series_id JOIN party pa ON pa.id = a.writer_party_id
             WHERE (a.pupil_id = :pupilId OR a.item_id IN (SELECT i.id FROM agenda_item i WHERE i.pupil_id = :pupilId))
            """;

    /** All case content about the pupil: notes, outcomes and the texts of actions, oldest first. */
    @Query(NOTES + " UNION ALL " + OUTCOMES + " UNION ALL " + ACTIONS + " ORDER BY at, kind, id")
    List<Content> content(long pupilId);

    @Query("SELECT s.board_party_id FROM pupil p JOIN school s ON s.id = p.school_id WHERE p.id = :pupilId")
    Optional<Long> schoolBoard(long pupilId);

    @Query("SELECT name FROM party WHERE id = :partyId")
    Optional<String> partyName(long partyId);

    @Query("UPDATE agenda_note SET text = :text WHERE id = :id")
    int rectifyNote(long id, String text);

    @Query("UPDATE agenda_item SET outcome = :text, version = version + 1 WHERE id = :id AND outcome IS NOT NULL")
    int rectifyOutcome(long id, String text);

    @Query("UPDATE meeting_action SET what = :text WHERE id = :id")
    int rectifyAction(long id, String text);

    @Query("DELETE FROM agenda_note WHERE id = :id")
    int eraseNote(long id);

    @Query("""
            UPDATE agenda_item SET outcome = NULL, outcome_by = NULL, outcome_party_id = NULL, outcome_basis = NULL,
                   outcome_basis_id = NULL, outcome_category = NULL, version = version + 1
             WHERE id = :id AND outcome IS NOT NULL
            """)
    int eraseOutcome(long id);

    @Query("DELETE FROM meeting_action WHERE id = :id")
    int eraseAction(long id);

    @Query("""
            INSERT INTO data_correction (request_id, pupil_id, kind, target_kind, target_id, target_field, corrected_by,
                                         corrected_by_party, notified_party_id)
            VALUES (:requestId, :pupilId, :kind, :targetKind, :targetId, :targetField, :by, :byParty, :notifiedParty)
            """)
    void recordCorrection(long requestId, long pupilId, String kind, String targetKind, long targetId, @Nullable String targetField,
                          long by, long byParty, long notifiedParty);

    @Query("""
            UPDATE data_subject_request SET executed_on = :on, executed_by = :by, target_kind = :targetKind, target_id = :targetId,
                   target_field = :targetField
             WHERE id = :id AND status = 'GRANTED' AND executed_on IS NULL
            """)
    int executed(long id, LocalDate on, long by, @Nullable String targetKind, @Nullable Long targetId, @Nullable String targetField);

    @Query("INSERT INTO processing_limit (request_id, pupil_id, kind, since) VALUES (:requestId, :pupilId, :kind, :since)")
    void limit(long requestId, long pupilId, String kind, LocalDate since);

    @Query("UPDATE processing_limit SET lifted_on = :on WHERE request_id = :requestId AND lifted_on IS NULL")
    int lift(long requestId, LocalDate on);

    @Query("UPDATE data_subject_request SET lifted_on = :on WHERE id = :id AND lifted_on IS NULL")
    int lifted(long id, LocalDate on);

    @Query("""
            UPDATE data_subject_request SET extended_on = :on, extension_reason = :reason, due_on = :dueOn
             WHERE id = :id AND status = 'OPEN' AND extended_on IS NULL
            """)
    int extend(long id, LocalDate on, String reason, LocalDate dueOn);

    /** A correction notice for a party: what was corrected about which pupil, when and by which party. */
    @Introspected
    record NoticeRow(long id, long pupilId, String kind, String targetKind, @Nullable String targetField, Instant correctedAt,
                     String correctedByParty) {
    }

    @Query("""
            SELECT c.id, c.pupil_id, c.kind, c.target_kind, c.target_field, c.corrected_at, p.name AS corrected_by_party
              FROM data_correction c JOIN party p ON p.id = c.corrected_by_party
             WHERE c.notified_party_id = :partyId ORDER BY c.corrected_at DESC, c.id DESC
            """)
    List<NoticeRow> notices(long partyId);
}
