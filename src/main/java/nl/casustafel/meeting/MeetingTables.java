package nl.casustafel.meeting;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.absence.AbsenceSignals;
import nl.casustafel.absence.PupilSignals;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.MeetingType;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/** Which tables (meeting series) put a viewer and a pupil together, and under which alias. */
@Singleton
public class MeetingTables {

    private final JdbcOperations jdbc;
    private final AbsenceSignals signals;
    private final MeetingRepositories.Seats seats;
    private final MeetingSeriesRepository series;
    private final MeetingRepositories.Meetings meetings;

    MeetingTables(JdbcOperations jdbc, AbsenceSignals signals, MeetingRepositories.Seats seats, MeetingSeriesRepository series,
                  MeetingRepositories.Meetings meetings) {
        this.meetings = meetings;
        this.jdbc = jdbc;
        this.signals = signals;
        this.seats = seats;
        this.series = series;
    }

    /** A table by its id, for features that refer to one (a request of a data subject is addressed to a table). */
    public java.util.Optional<MeetingSeries> table(long seriesId) {
        return series.findById(seriesId);
    }

    /** When the table's last meeting before this one started (a cancelled one does not count): "since the last meeting". */
    public java.util.Optional<java.time.Instant> previousMeetingStart(Meeting meeting) {
        return meetings.findBySeriesIdOrderByStartsAt(meeting.seriesId()).stream()
                .filter(m -> m.status() != Meeting.Status.CANCELLED && m.startsAt().isBefore(meeting.startsAt()))
                .map(Meeting::startsAt).reduce((a, b) -> b);
    }

    /** The pupils on a table's case list, in the order of their aliases (which says nothing about who they are). */
    public List<Long> pupilsAt(long seriesId) {
        return seats.pupilsAt(seriesId);
    }

    /** Whether the user sits at the table. */
    public boolean sitsAt(long seriesId, long userId) {
        return seats.sitsAt(seriesId, userId);
    }

    public List<Long> participants(long seriesId) {
        return seats.participants(seriesId);
    }

    public String partyName(long partyId) {
        return seats.partyName(partyId).stream().findFirst().orElse("?");
    }

    /**
     * The parties at the table, other than schools, that have no valid consent for this pupil and
     * purpose (and, for the SOT, this hulpvraag): they will see the pupil under its alias.
     */
    public List<String> partiesWithoutConsent(long seriesId, long pupilId, MeetingType purpose, String hulpvraag) {
        return seats.partiesWithoutConsent(seriesId, pupilId, purpose.name(), hulpvraag);
    }

    /** Absence figures of a pupil: computed from the absence records, else entered by hand. */
    public record Figures(long pupilId, double unauthorisedHours4Weeks, int sickReports12Weeks, int lateArrivals) {
    }

    /**
     * Pupils of the school with absence that is worrying but below every threshold, from the signals
     * of the absence records (see {@link AbsenceSignals}); pupils without records this year fall back
     * to hand-entered figures (fewer than 16 unauthorised hours in 4 weeks and fewer than 4 sick reports in 12 weeks).
     */
    @Transactional(readOnly = true)
    public List<Figures> belowThreshold(long schoolId) {
        return belowThreshold(schoolId, signals.today());
    }

    /** As {@link #belowThreshold(long)}, with the thresholds' windows ending on {@code on}. */
    @Transactional(readOnly = true)
    public List<Figures> belowThreshold(long schoolId, java.time.LocalDate on) {
        List<PupilSignals> computed = signals.forSchools(List.of(schoolId), on);
        Set<Long> withRecords = new HashSet<>();
        List<Figures> figures = new ArrayList<>();
        for (PupilSignals p : computed) {
            if (p.hasRecords()) {
                withRecords.add(p.pupilId());
                if (p.belowThreshold()) {
                    figures.add(new Figures(p.pupilId(), p.unauthorisedHours4Weeks(), p.sickReports12Weeks(), p.lateArrivals()));
                }
            }
        }
        handEntered(schoolId).stream().filter(f -> !withRecords.contains(f.pupilId())).forEach(figures::add);
        figures.sort(Comparator.comparingDouble(Figures::unauthorisedHours4Weeks).reversed()
                .thenComparing(Comparator.comparingInt(Figures::sickReports12Weeks).reversed())
                .thenComparingLong(Figures::pupilId));
        return figures;
    }

    private List<Figures> handEntered(long schoolId) {
        return jdbc.prepareStatement("""
                SELECT f.* FROM absence_figure f JOIN pupil p ON p.id = f.pupil_id
                 WHERE p.school_id = ?
                   AND f.unauthorised_hours_4_weeks < 16 AND f.sick_reports_12_weeks < 4
                   AND (f.unauthorised_hours_4_weeks > 0 OR f.sick_reports_12_weeks > 0 OR f.late_arrivals > 0)
                """, statement -> {
            statement.setLong(1, schoolId);
            List<Figures> figures = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    figures.add(new Figures(rs.getLong("pupil_id"), rs.getDouble("unauthorised_hours_4_weeks"),
                            rs.getInt("sick_reports_12_weeks"), rs.getInt("late_arrivals")));
                }
            }
            return figures;
        });
    }
}
