package nl.casustafel.calendar;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.account.AccountService;
import nl.casustafel.account.Viewer;
import nl.casustafel.meeting.Meeting;
import nl.casustafel.meeting.MeetingSeries;
import nl.casustafel.meeting.MeetingSeriesRepository;
import nl.casustafel.meeting.MeetingService;
import nl.casustafel.platform.ClockFactory;
import nl.casustafel.platform.DutchDates;
import nl.casustafel.privacy.TestBsns;
import nl.casustafel.privacy.PupilIdentity;
import nl.casustafel.privacy.PupilIdentityRepository;
import nl.casustafel.absence.TestSql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The calendar: the caller's meetings as .ics and the personal feed. Nothing of a pupil ever goes in,
 * whoever asks; the feed needs no sign-in, stops when revoked or renewed, and another account's
 * secret is the one 404.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarApiTest implements CasustafelTestProperties {

    private static final String PUPIL_BSN = "283158839"; // a demo pupil of Dijkstad College, living in Dijkstad, no DUO report

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;
    @Inject
    AccountService accounts;
    @Inject
    nl.casustafel.meeting.MeetingPlanning planning;
    @Inject
    nl.casustafel.meeting.AgendaRegistration registration;
    MeetingService meetings;
    @Inject
    MeetingSeriesRepository series;
    @Inject
    PupilIdentityRepository identities;
    @Inject
    TestBsns bsns;
    @Inject
    TestSql sql;

    private ApiClient api;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private Viewer chair;
    private MeetingSeries table;
    private Meeting meeting;
    private Meeting cancelled;
    private PupilIdentity pupil;

    @BeforeAll
    void setUp() {
        api = new ApiClient(http.toBlocking(), json);
        chair = accounts.viewer("zorg.dijkstad").orElseThrow();
        MeetingSeries demo = series.findByName("Verzuimoverleg Dijkstad College").orElseThrow();
        table = series.save(new MeetingSeries(null, demo.type(), "Verzuimoverleg; kalendertest, Dijkstad", demo.schoolId(),
                demo.partnershipId(), demo.chairId(), demo.everyWeeks(), null));
        series.addParticipant(table.id(), chair.userId());
        series.addParticipant(table.id(), accounts.viewer("leerplicht.dijkstad").orElseThrow().userId());
        Instant nextWeek = LocalDate.now(ClockFactory.AMSTERDAM).plusDays(8).atTime(10, 0).atZone(ClockFactory.AMSTERDAM).toInstant();
        meeting = planning.plan(chair, table.id(), nextWeek, "Lokaal 12, Dijkstad College");
        cancelled = planning.cancel(chair, planning.plan(chair, table.id(), nextWeek.plusSeconds(86_400), null).id());
        pupil = identities.findByBsn(PUPIL_BSN).orElseThrow();
        registration.register(chair, meeting.id(), nl.casustafel.meeting.AgendaRegistration.Registration.of(pupil.pupilId()));
    }

    @AfterAll
    void cleanUp() {
        planning.cancel(chair, meeting.id());
        sql.update("DELETE FROM calendar_feed WHERE user_id = " + chair.userId());
    }

    private String token(String username) {
        return tokens.computeIfAbsent(username, api::token);
    }

    private ApiClient.Answer mine(String username) {
        return api.call(HttpRequest.GET("/api/calendar/mine.ics"), token(username));
    }

    /** The document with its folded lines unfolded (RFC 5545, 3.1). */
    private static String unfolded(String ics) {
        return ics.replace("\r\n ", "");
    }

    @Test
    void theIcsHoldsTheCallersMeetingsWithTableDateAndLocationOnly() {
        ApiClient.Answer answer = mine("zorg.dijkstad");
        assertEquals(200, answer.status(), answer.raw());
        assertTrue(answer.contentType().startsWith("text/calendar"), answer.contentType());
        String ics = unfolded(answer.raw());
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n"), ics);
        assertTrue(ics.contains("UID:meeting-" + meeting.id() + "@casustafel\r\n"), ics);
        assertTrue(ics.contains("SUMMARY:Verzuimoverleg\\; kalendertest\\, Dijkstad " + DutchDates.DATE.format(meeting.startsAt()) + "\r\n"), ics);
        assertTrue(ics.contains("LOCATION:Lokaal 12\\, Dijkstad College\r\n"), ics);
        String cancelledEvent = ics.substring(ics.indexOf("UID:meeting-" + cancelled.id() + "@"));
        assertTrue(cancelledEvent.substring(0, cancelledEvent.indexOf("END:VEVENT")).contains("STATUS:CANCELLED"), ics);
    }

    @Test
    void nothingOfAPupilGoesIntoAnyonesCalendar() {
        String handle = sql.query("SELECT handle FROM series_case WHERE series_id = ? AND pupil_id = ?", st -> {
            st.setLong(1, table.id());
            st.setLong(2, pupil.pupilId());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
        for (String username : List.of("zorg.dijkstad", "leerplicht.dijkstad")) { // by name, and under the alias
            String ics = unfolded(mine(username).raw());
            assertTrue(ics.contains("UID:meeting-" + meeting.id() + "@"), username);
            for (String trace : List.of(pupil.familyName(), pupil.givenName(), bsns.of(pupil.pupilId()), handle, "Leerling",
                    DutchDates.DATE.format(pupil.birthDate()), pupil.birthDate().toString(), pupil.streetAddress())) {
                assertFalse(ics.contains(trace), username + " finds '" + trace + "' in the calendar");
            }
        }
    }

    @Test
    void someoneWhoDoesNotSitAtTheTableDoesNotGetItsMeetings() {
        String ics = unfolded(mine("zorg.regenboog").raw());
        assertTrue(ics.startsWith("BEGIN:VCALENDAR"));
        assertFalse(ics.contains("UID:meeting-" + meeting.id() + "@"));
        assertEquals(403, api.status(token("beheer"), "/api/calendar/mine.ics"));
        assertEquals(401, api.status(null, "/api/calendar/mine.ics"));
    }

    @Test
    void theFeedWorksWithoutSignInAndStopsWhenRenewedOrRevoked() {
        String first = feedPath(api.call(HttpRequest.POST("/api/calendar/feed", ""), token("zorg.dijkstad")));
        ApiClient.Answer fetched = api.call(HttpRequest.GET(first), null);
        assertEquals(200, fetched.status(), fetched.raw());
        assertTrue(fetched.contentType().startsWith("text/calendar"));
        assertTrue(unfolded(fetched.raw()).contains("UID:meeting-" + meeting.id() + "@casustafel"));

        String second = feedPath(api.call(HttpRequest.POST("/api/calendar/feed", ""), token("zorg.dijkstad")));
        assertNotFound(first);
        assertEquals(200, api.call(HttpRequest.GET(second), null).status());

        assertEquals(204, api.call(HttpRequest.DELETE("/api/calendar/feed"), token("zorg.dijkstad")).status());
        assertNotFound(second);
        assertNotFound("/api/calendar/feed/abc/def.ics");
        assertNotFound("/api/calendar/feed/" + chair.userId() + "/.ics");
    }

    @Test
    void anotherAccountsSecretIsTheSame404() {
        String path = feedPath(api.call(HttpRequest.POST("/api/calendar/feed", ""), token("leerplicht.dijkstad")));
        try {
            String secret = path.substring(path.lastIndexOf('/') + 1);
            ApiClient.Answer otherAccount = api.call(HttpRequest.GET("/api/calendar/feed/" + chair.userId() + "/" + secret), null);
            ApiClient.Answer unknown = api.call(HttpRequest.GET("/api/calendar/feed/999999999/" + secret), null);
            otherAccount.assertProblem(404, null);
            unknown.assertProblem(404, null);
            assertEquals(unknown.raw(), otherAccount.raw());
            assertNotFound(path.substring(0, path.length() - ".ics".length())); // without the extension
            assertEquals(200, api.call(HttpRequest.GET(path), null).status(), "the right pair works");
        } finally {
            api.call(HttpRequest.DELETE("/api/calendar/feed"), token("leerplicht.dijkstad"));
        }
    }

    @Test
    void onlyTheHashOfTheSecretIsStored() {
        String path = feedPath(api.call(HttpRequest.POST("/api/calendar/feed", ""), token("zorg.dijkstad")));
        String secret = path.substring(path.lastIndexOf('/') + 1, path.length() - ".ics".length());
        String stored = sql.query("SELECT token_hash FROM calendar_feed WHERE user_id = ?", st -> {
            st.setLong(1, chair.userId());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertFalse(stored.contains(secret));
        assertEquals(CalendarFeeds.hash(secret), stored);
        api.call(HttpRequest.DELETE("/api/calendar/feed"), token("zorg.dijkstad"));
    }

    private void assertNotFound(String path) {
        ApiClient.Answer answer = api.call(HttpRequest.GET(path), null);
        answer.assertProblem(404, null);
        assertFalse(answer.raw().contains("BEGIN:VCALENDAR"));
    }

    /** The path of the feed URL in a 201 answer. */
    private static String feedPath(ApiClient.Answer created) {
        String url = (String) created.body(201).get("url");
        String path = url.substring(url.indexOf("/api/calendar/feed/"));
        assertTrue(path.endsWith(".ics"), path);
        return path;
    }
}
