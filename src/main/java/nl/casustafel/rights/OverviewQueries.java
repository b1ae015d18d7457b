package nl.casustafel.rights;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import nl.casustafel.meeting.MeetingSeries;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The reads behind an access overview ({@link AccessOverviewService}, {@link OverviewContent}): everything
 * held about one pupil, table by table, as {@code @Query} projections onto the records below. Rows come
 * back unfiltered; the services put them into words and let the privacy kernel decide what of the case
 * content the chair may read. Micronaut Data wants a root entity for a repository; these reads have none
 * of their own, so {@link MeetingSeries} stands in, as in {@code meeting.MeetingRepositories.Seats}.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface OverviewQueries extends GenericRepository<MeetingSeries, Long> {

    @Query("""
            SELECT s.name AS school, s.brin, b.name AS board, p.school_year, p.enrolled_on, p.enrolled_until
              FROM pupil p JOIN school s ON s.id = p.school_id JOIN party b ON b.id = s.board_party_id WHERE p.id = :pupilId
            """)
    Optional<Enrolment> enrolment(long pupilId);

    @Query("""
            SELECT d.reported_on, d.kind, d.duo_reference, d.closed_on, d.close_reason, s.name AS school, pa.name AS party
              FROM duo_report d JOIN school s ON s.id = d.school_id
              JOIN user_account u ON u.id = d.recorded_by JOIN party pa ON pa.id = u.party_id
             WHERE d.pupil_id = :pupilId ORDER BY d.reported_on, d.id
            """)
    List<DuoReportRow> duoReports(long pupilId);

    @Query("""
            SELECT c.given_on, c.given_by_pupil, c.given_by_parent, c.parent_name, c.purpose, c.hulpvraag, c.categories,
                   c.method, c.valid_until, c.withdrawn_on, tp.name AS to_party, rp.name AS party
              FROM consent c JOIN party tp ON tp.id = c.party_id
              JOIN user_account u ON u.id = c.recorded_by JOIN party rp ON rp.id = u.party_id
             WHERE c.pupil_id = :pupilId ORDER BY c.given_on, c.id
            """)
    List<ConsentRow> consents(long pupilId);

    @Query("""
            SELECT n.notified_on, n.purpose, n.note, np.name AS party, string_agg(pp.name, ', ' ORDER BY pp.name) AS parties
              FROM parent_notification n JOIN party np ON np.id = n.notifying_party_id
              LEFT JOIN parent_notification_party x ON x.notification_id = n.id LEFT JOIN party pp ON pp.id = x.party_id
             WHERE n.pupil_id = :pupilId GROUP BY n.id, np.name ORDER BY n.notified_on, n.id
            """)
    List<NotificationRow> notifications(long pupilId);

    @Query("""
            SELECT ms.name, sc.alias_number, sc.reason, sc.hulpvraag, sc.added_at, pa.name AS party
              FROM series_case sc JOIN meeting_series ms ON ms.id = sc.series_id
              JOIN user_account u ON u.id = sc.added_by JOIN party pa ON pa.id = u.party_id
             WHERE sc.pupil_id = :pupilId ORDER BY sc.added_at, ms.id
            """)
    List<CaseRow> tables(long pupilId);

    @Query("""
            SELECT to_char(r.absence_date, 'YYYY-MM') AS month, r.kind, sum(r.hours) AS hours, count(*) AS records,
                   min(r.hour_unit) AS unit, b.name AS party
              FROM absence_record r JOIN school s ON s.id = r.school_id JOIN party b ON b.id = s.board_party_id
             WHERE r.pupil_id = :pupilId GROUP BY 1, 2, 6 ORDER BY 1, 2
            """)
    List<AbsenceMonth> absenceMonths(long pupilId);

    @Query("""
            SELECT f.updated_at, f.unauthorised_hours_4_weeks AS unauthorised_hours, f.sick_reports_12_weeks AS sick_reports,
                   f.late_arrivals, pa.name AS party
              FROM absence_figure f
              JOIN user_account u ON u.id = f.updated_by JOIN party pa ON pa.id = u.party_id WHERE f.pupil_id = :pupilId
            """)
    List<AbsenceFigureRow> absenceFigures(long pupilId);

    @Query("""
            SELECT d.decided_on, d.reason, d.destroy_on, d.withdrawn_at, pa.name AS party
              FROM closing_decision d JOIN party pa ON pa.id = d.decided_by_party
             WHERE d.pupil_id = :pupilId ORDER BY d.recorded_at
            """)
    List<ClosingRow> closings(long pupilId);

    /** The whole access log of the pupil, oldest first. */
    @Query("""
            SELECT l.at, l.username, u.display_name, p.name AS party, l.context, l.basis_kind, l.basis_id
              FROM access_log l JOIN party p ON p.id = l.party_id LEFT JOIN user_account u ON u.id = l.user_id
             WHERE l.pupil_id = :pupilId ORDER BY l.id
            """)
    List<LogRow> accessLog(long pupilId);

    @Query("""
            SELECT m.starts_at, ms.name, i.reason, i.hulpvraag, i.outcome, pa.name AS party,
                   i.outcome_party_id, i.outcome_by, i.outcome_basis, i.outcome_basis_id, i.outcome_category, op.name AS outcome_party
              FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id JOIN meeting_series ms ON ms.id = m.series_id
              JOIN party pa ON pa.id = i.registered_party_id
              LEFT JOIN party op ON op.id = i.outcome_party_id
             WHERE i.pupil_id = :pupilId ORDER BY m.starts_at, i.id
            """)
    List<AgendaItemRow> agendaItems(long pupilId);

    @Query("""
            SELECT n.text, n.created_at, ms.name, pa.name AS party,
                   n.author_party_id, n.author_id, n.writer_basis, n.writer_basis_id, n.category
              FROM agenda_note n JOIN agenda_item i ON i.id = n.item_id JOIN meeting m ON m.id = i.meeting_id
              JOIN meeting_series ms ON ms.id = m.series_id JOIN party pa ON pa.id = n.author_party_id
             WHERE i.pupil_id = :pupilId ORDER BY n.created_at, n.id
            """)
    List<NoteRow> notes(long pupilId);

    @Query("""
            SELECT a.what, a.due_on, a.done_on, ms.name, ou.display_name AS owner, pa.name AS party,
                   a.writer_party_id, a.created_by, a.writer_basis, a.writer_basis_id, a.category, a.owner_id
              FROM meeting_action a JOIN meeting_series ms ON ms.id = a.series_id
              JOIN user_account ou ON ou.id = a.owner_id
              JOIN party pa ON pa.id = a.writer_party_id
             WHERE a.pupil_id = :pupilId OR a.item_id IN (SELECT i.id FROM agenda_item i WHERE i.pupil_id = :pupilId)
             ORDER BY a.due_on, a.id
            """)
    List<ActionRow> actions(long pupilId);

    @Introspected
    record Enrolment(String school, String brin, String board, int schoolYear, LocalDate enrolledOn, @Nullable LocalDate enrolledUntil) {
    }

    @Introspected
    record DuoReportRow(LocalDate reportedOn, String kind, String duoReference, @Nullable LocalDate closedOn,
                        @Nullable String closeReason, String school, String party) {
    }

    @Introspected
    record ConsentRow(LocalDate givenOn, boolean givenByPupil, boolean givenByParent, @Nullable String parentName, String purpose,
                      @Nullable String hulpvraag, @TypeDef(type = DataType.STRING_ARRAY) List<String> categories, String method,
                      @Nullable LocalDate validUntil, @Nullable LocalDate withdrawnOn, String toParty, String party) {
    }

    @Introspected
    record NotificationRow(LocalDate notifiedOn, String purpose, @Nullable String note, String party, @Nullable String parties) {
    }

    @Introspected
    record CaseRow(String name, int aliasNumber, @Nullable String reason, @Nullable String hulpvraag, Instant addedAt, String party) {
    }

    @Introspected
    record AbsenceMonth(String month, String kind, BigDecimal hours, long records, String unit, String party) {
    }

    @Introspected
    record AbsenceFigureRow(Instant updatedAt, BigDecimal unauthorisedHours, int sickReports, int lateArrivals, String party) {
    }

    @Introspected
    record ClosingRow(LocalDate decidedOn, String reason, LocalDate destroyOn, @Nullable Instant withdrawnAt, String party) {
    }

    @Introspected
    record LogRow(Instant at, @Nullable String username, @Nullable String displayName, String party, @Nullable String context,
                  String basisKind, @Nullable Long basisId) {
    }

    @Introspected
    record AgendaItemRow(Instant startsAt, String name, @Nullable String reason, @Nullable String hulpvraag, @Nullable String outcome,
                         String party, @Nullable Long outcomePartyId, @Nullable Long outcomeBy, @Nullable String outcomeBasis,
                         @Nullable Long outcomeBasisId, @Nullable String outcomeCategory, @Nullable String outcomeParty) {
    }

    @Introspected
    record NoteRow(String text, Instant createdAt, String name, String party, long authorPartyId, @Nullable Long authorId,
                   String writerBasis, @Nullable Long writerBasisId, String category) {
    }

    @Introspected
    record ActionRow(String what, LocalDate dueOn, @Nullable LocalDate doneOn, String name, String owner, String party,
                     long writerPartyId, long createdBy, String writerBasis, @Nullable Long writerBasisId, String category, long ownerId) {
    }
}
