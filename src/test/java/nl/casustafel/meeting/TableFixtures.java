package nl.casustafel.meeting;

import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;

/** {@link MeetingFixtures} for tests of features outside {@code meeting} (the plan van aanpak): own tables, fresh pupils. */
@Singleton
public class TableFixtures {

    public static final String THUISZITTERSTAFEL = MeetingFixtures.THUISZITTERSTAFEL;
    public static final String DIJKSTAD_COLLEGE = MeetingFixtures.DIJKSTAD_COLLEGE;
    public static final String DIJKSTAD = MeetingFixtures.DIJKSTAD;

    private final MeetingFixtures fixtures;
    private final MeetingSeriesRepository series;

    TableFixtures(MeetingFixtures fixtures, MeetingSeriesRepository series) {
        this.fixtures = fixtures;
        this.series = series;
    }

    public MeetingSeries tableLike(String demoName) {
        return fixtures.tableLike(demoName);
    }

    public long freshPupil(String brin, String municipality) {
        return fixtures.freshPupil(brin, municipality);
    }

    /** Puts the pupil on the table's case list, as registering it would. */
    public void addCase(MeetingSeries table, long pupilId, String registeredBy) {
        series.addCase(table.id(), pupilId, "PARTIAL_OR_NO_CAPACITY", null, viewer(registeredBy).userId());
    }

    public Meeting planNextWeek(MeetingSeries table) {
        return fixtures.planNextWeek(table);
    }

    public Viewer chairOf(MeetingSeries table) {
        return fixtures.chairOf(table);
    }

    public Viewer viewer(String username) {
        return fixtures.viewer(username);
    }

    public String handle(long seriesId, long pupilId) {
        return fixtures.handle(seriesId, pupilId);
    }

    public String familyName(long pupilId) {
        return fixtures.identity(pupilId).familyName();
    }

    public String givenName(long pupilId) {
        return fixtures.identity(pupilId).givenName();
    }

    public String bsn(long pupilId) {
        return fixtures.bsn(pupilId);
    }
}
