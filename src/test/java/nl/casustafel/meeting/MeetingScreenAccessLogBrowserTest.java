package nl.casustafel.meeting;

import nl.casustafel.privacy.PupilIdentityRepository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.Browser;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.ClockFactory;
import nl.casustafel.platform.UiServer;
import nl.casustafel.pupil.PupilSearch;
import nl.casustafel.pupil.PupilService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Keys;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NEN 7513 asks who saw which pupil when, once per look: opening the meeting screen once writes one access-log
 * row per pupil the user sees by name, although the agenda, the notes of the current item and the table's
 * open actions each show that pupil.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingScreenAccessLogBrowserTest implements CasustafelTestProperties {

    @Inject
    UiServer ui;
    @Inject
    MeetingFixtures fixtures;
    @Inject
    MeetingActions actions;
    @Inject
    AgendaNotes notes;
    @Inject
    AgendaRegistration registration;
    @Inject
    PupilIdentityRepository identities;
    @Inject
    PupilService pupils;
    @Inject
    JdbcOperations jdbc;
    @Inject
    TransactionOperations<Connection> tx;

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @Test
    void openingTheMeetingScreenOnceLogsEachIdentifiedPupilOnce() {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        Viewer chair = fixtures.chairOf(table);
        Meeting meeting = fixtures.planNextWeek(table);
        long first = fixtures.freshPupil(MeetingFixtures.DIJKSTAD_COLLEGE, MeetingFixtures.DIJKSTAD);
        long second = fixtures.freshPupil(MeetingFixtures.DIJKSTAD_COLLEGE, MeetingFixtures.DIJKSTAD);
        long item = registration.register(chair, meeting.id(), AgendaRegistration.Registration.of(first)).item().id();
        registration.register(chair, meeting.id(), AgendaRegistration.Registration.of(second));
        notes.addNote(chair, item, "Moeder belt de mentor.");
        actions.addAction(chair, item, "Huisbezoek plannen", chair.userId(), LocalDate.now(ClockFactory.AMSTERDAM).plusDays(10),
                MeetingAction.Kind.GENERAL);

        try (Browser browser = new Browser(ui.port())) {
            browser.signIn(chair.username(), ApiClient.DEMO_PASSWORD);
            long before = lastId();
            browser.open("/overleg/" + meeting.id());
            browser.waitForText("#current-pupil", identities.findById(first).orElseThrow().familyName());
            browser.waitForText("#open-actions", "Huisbezoek plannen");
            browser.waitForText("#notes", "Moeder belt de mentor.");

            assertEquals(Map.of(first, 1L, second, 1L), rowsPerPupil(chair, before, "overleg " + meeting.id()));
        }
    }

    /**
     * The registration dialog offers the school's pupils a page at a time: opening it and its dropdown reads and logs
     * the pupils of the first page, not the whole school; a pupil further down is found by typing the name.
     */
    @Test
    void openingTheRegistrationDropdownLogsOnePageNotTheWholeSchool() {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        Viewer chair = fixtures.chairOf(table);
        Meeting meeting = fixtures.planNextWeek(table);
        long school = pupils.totalOwnSchools(chair, PupilSearch.all());
        long wanted = fixtures.freshPupil(MeetingFixtures.DIJKSTAD_COLLEGE, MeetingFixtures.DIJKSTAD);
        var identity = identities.findById(wanted).orElseThrow();
        String name = identity.givenName() + " " + identity.familyName();

        try (Browser browser = new Browser(ui.port())) {
            browser.signIn(chair.username(), ApiClient.DEMO_PASSWORD);
            browser.open("/overleg/" + meeting.id());
            long before = lastId();
            browser.press("#meeting-register");
            browser.element("#register-pupil input").sendKeys(Keys.ARROW_DOWN);
            assertTrue(browser.eventually(() -> browser.isPresent("vaadin-combo-box-item")), "the dropdown shows pupils");
            browser.waitForVaadin();

            Map<Long, Long> listed = rowsPerPupil(chair, before, "leerlingenlijst");
            assertTrue(school > RegistrablePupils.PAGE_SIZE, "the school has more pupils than a page: " + school);
            assertTrue(!listed.isEmpty() && listed.size() <= RegistrablePupils.PAGE_SIZE,
                    "at most a page of the school's " + school + " pupils logged: " + listed.size());

            browser.element("#register-pupil input").sendKeys(name);
            browser.click("vaadin-combo-box-item", name);
            String chosen = browser.element("#register-pupil input").getDomProperty("value");
            assertTrue(chosen.startsWith(name), "the pupil typed is found and chosen: " + chosen);
        }
    }

    private Map<Long, Long> rowsPerPupil(Viewer viewer, long afterId, String context) {
        return tx.executeRead(s -> jdbc.prepareStatement("""
                SELECT pupil_id, count(*) FROM access_log
                 WHERE id > ? AND user_id = ? AND (context = ? OR context LIKE ?)
                 GROUP BY pupil_id
                """, st -> {
            st.setLong(1, afterId);
            st.setLong(2, viewer.userId());
            st.setString(3, context);
            st.setString(4, context + ",%");
            Map<Long, Long> rows = new HashMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), rs.getLong(2));
                }
            }
            return rows;
        }));
    }

    private long lastId() {
        return tx.executeRead(s -> jdbc.prepareStatement("SELECT coalesce(max(id), 0) FROM access_log", st -> {
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }
}
