package nl.casustafel.rights;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import nl.casustafel.meeting.MeetingSeries;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The register of data-subject requests: every statement on {@code data_subject_request}. Rows are read as
 * {@link DataSubjectRequestService.Stored} projections (with the table, registrar and party names joined
 * in); the registration is an {@code INSERT ... RETURNING id} that Micronaut Data runs as a raw
 * {@code @Query} returning the new id. Micronaut Data wants a root entity for a repository; the request has
 * no entity of its own, so the table ({@link MeetingSeries}) it is addressed to stands in, as in
 * {@code meeting.MeetingRepositories.Seats}.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface DataSubjectRequests extends GenericRepository<MeetingSeries, Long> {

    /** The stored request with its joined names; each query below appends its own WHERE and ORDER BY. */
    String SELECT = """
            SELECT r.id, r.pupil_id, r.series_id, ms.name AS "table", r.kind, r.requested_by, r.received_on, r.due_on,
                   r.summary, r.status, r.decided_on, r.motivation, u.display_name AS registered_by, p.name AS registered_by_party,
                   r.registered_by AS registered_by_id, r.registered_by_party AS registered_by_party_id,
                   r.registered_basis, r.registered_basis_id, r.extended_on, r.extension_reason, r.executed_on,
                   r.target_kind, r.target_id, r.target_field, r.lifted_on
              FROM data_subject_request r
              JOIN meeting_series ms ON ms.id = r.series_id
              JOIN user_account u ON u.id = r.registered_by
              JOIN party p ON p.id = r.registered_by_party
            """;

    @Query("""
            INSERT INTO data_subject_request (pupil_id, series_id, kind, requested_by, received_on, due_on, summary,
                                              registered_by, registered_by_party, registered_basis, registered_basis_id)
            VALUES (:pupilId, :seriesId, :kind, :requestedBy, :receivedOn, :dueOn, :summary,
                    :registeredBy, :registeredByParty, :registeredBasis, :registeredBasisId) RETURNING id
            """)
    long insert(long pupilId, long seriesId, String kind, String requestedBy, LocalDate receivedOn, LocalDate dueOn,
                @Nullable String summary, long registeredBy, long registeredByParty, String registeredBasis,
                @Nullable Long registeredBasisId);

    /** Decides an open request; 0 when it was decided already. */
    @Query("""
            UPDATE data_subject_request SET status = :status, decided_on = :decidedOn, decided_by = :decidedBy, motivation = :motivation
             WHERE id = :id AND status = 'OPEN'
            """)
    int decide(long id, String status, LocalDate decidedOn, long decidedBy, @Nullable String motivation);

    @Query(SELECT + "WHERE r.id = :id")
    Optional<DataSubjectRequestService.Stored> byId(long id);

    /** The open requests of a table about pupils still on its case list, first due first. */
    @Query(SELECT + """
            WHERE r.series_id = :seriesId AND r.status = 'OPEN'
              AND EXISTS (SELECT 1 FROM series_case sc WHERE sc.series_id = r.series_id AND sc.pupil_id = r.pupil_id)
            ORDER BY r.due_on, r.id
            """)
    List<DataSubjectRequestService.Stored> openAt(long seriesId);

    /** All requests about a pupil at one table, newest first. */
    @Query(SELECT + "WHERE r.series_id = :seriesId AND r.pupil_id = :pupilId ORDER BY r.received_on DESC, r.id DESC")
    List<DataSubjectRequestService.Stored> atTable(long seriesId, long pupilId);

    /** All requests about a pupil, all tables and statuses, oldest first. */
    @Query(SELECT + "WHERE r.pupil_id = :pupilId ORDER BY r.received_on, r.id")
    List<DataSubjectRequestService.Stored> allOf(long pupilId);

    /** The tables chaired by the user with the pupil on their case list. */
    @Query("""
            SELECT ms.id FROM meeting_series ms JOIN series_case sc ON sc.series_id = ms.id
             WHERE ms.chair_id = :chairId AND sc.pupil_id = :pupilId ORDER BY ms.id
            """)
    List<Long> chairedTables(long chairId, long pupilId);
}
