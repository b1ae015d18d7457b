package nl.casustafel.ui;

import jakarta.inject.Singleton;
import nl.casustafel.account.AccountService;
import nl.casustafel.account.Viewer;
import nl.casustafel.meeting.Meeting;
import nl.casustafel.meeting.MeetingService;
import nl.casustafel.meeting.MeetingSeriesRepository;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.pupil.PupilSearch;
import nl.casustafel.pupil.PupilService;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The main screens of the care coordinator of Dijkstad College, by name and address: home, pupil list,
 * one of her pupils, the demo verzuimoverleg (the table's meeting with pupils on its agenda), signals
 * and the absence import. Read only: nothing is created.
 */
@Singleton
class MainScreens {

    private final AccountService accounts;
    private final PupilService pupils;
    private final MeetingService meetings;
    private final MeetingSeriesRepository series;

    MainScreens(AccountService accounts, PupilService pupils, MeetingService meetings, MeetingSeriesRepository series) {
        this.accounts = accounts;
        this.pupils = pupils;
        this.meetings = meetings;
        this.series = series;
    }

    Map<String, String> ofCareCoordinator() {
        Viewer chair = accounts.viewer("zorg.dijkstad").orElseThrow();
        PupilView pupil = pupils.listOwnSchools(chair, PupilSearch.all()).getFirst();
        long table = series.findByName("Verzuimoverleg Dijkstad College").orElseThrow().id();
        Meeting demo = meetings.myMeetings(chair).stream()
                .filter(m -> m.seriesId() == table && !meetings.agenda(chair, m.id()).isEmpty())
                .findFirst().orElseThrow();
        Map<String, String> screens = new LinkedHashMap<>();
        screens.put("home", "/");
        screens.put("pupil-list", "/leerlingen");
        screens.put("pupil", "/leerling/" + pupil.pupilId());
        screens.put("meeting", "/overleg/" + demo.id());
        screens.put("signals", "/verzuim/signalen");
        screens.put("import", "/verzuim/import");
        return screens;
    }
}
