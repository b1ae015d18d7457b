package nl.casustafel.meeting;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.ClockFactory;
import nl.casustafel.platform.StatementLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: an agenda of 50 pupils costs the same few statements whoever asks. The API reads the viewer with its
 * sign-in session in one statement, the meeting (table, items, notes, actions) in one and its pupils (identity,
 * facts, seats) in one, and logs the reads by name in one batched insert: for the chair (all by name), the
 * attendance officer (by name after a DUO report for pupils living in the officer's municipality, else the
 * alias) and the youth nurse (all under the alias, so nothing logged).
 */
@MicronautTest(transactional = false)
@Property(name = "casustafel.test.count-statements", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgendaStatementCountTest implements CasustafelTestProperties {

    private static final int REPORTED = 20, UNREPORTED = 20, BUITENLEERLINGEN = 10;

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;
    @Inject
    MeetingFixtures fixtures;
    @Inject
    StatementLog log;
    @Inject
    AgendaNotes notes;
    @Inject
    MeetingActions actions;
    @Inject
    MeetingQueries queries;

    private ApiClient api;
    private long meeting;
    private final List<Long> reported = new ArrayList<>();

    @BeforeAll
    void agendaOfFifty() {
        api = new ApiClient(http.toBlocking(), json);
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        meeting = fixtures.planNextWeek(table).id();
        String chair = api.token("zorg.dijkstad");
        List<Long> pupils = new ArrayList<>();
        for (int i = 0; i < REPORTED; i++) {
            long pupil = fixtures.freshPupil(MeetingFixtures.DIJKSTAD_COLLEGE, MeetingFixtures.DIJKSTAD);
            ApiClient.Answer duo = api.call(HttpRequest.POST("/api/pupils/" + pupil + "/duo-reports", Map.of("kind", "RELATIVE_16H",
                    "reportedOn", LocalDate.now(ClockFactory.AMSTERDAM).toString(), "duoReference", "DUO-COUNT-" + i)), chair);
            assertEquals(201, duo.status(), duo.raw());
            reported.add(pupil);
            pupils.add(pupil);
        }
        for (int i = 0; i < UNREPORTED; i++) {
            pupils.add(fixtures.freshPupil(MeetingFixtures.DIJKSTAD_COLLEGE, MeetingFixtures.DIJKSTAD));
        }
        for (int i = 0; i < BUITENLEERLINGEN; i++) {
            pupils.add(fixtures.freshPupil(MeetingFixtures.DIJKSTAD_COLLEGE, MeetingFixtures.VEENHOVEN));
        }
        java.util.Collections.shuffle(pupils, new java.util.Random(14));
        List<Long> items = new ArrayList<>();
        for (long pupil : pupils) {
            ApiClient.Answer registered = api.call(HttpRequest.POST("/api/meetings/" + meeting + "/agenda", Map.of("pupilId", pupil)), chair);
            assertEquals(201, registered.status(), registered.raw());
            items.add(((Number) ((Map<?, ?>) registered.map().get("item")).get("id")).longValue());
        }
        // notes and actions on some items, so that every part of the agenda is read
        Viewer chairViewer = fixtures.viewer("zorg.dijkstad");
        for (int i = 0; i < 10; i++) {
            notes.addNote(chairViewer, items.get(i), "Notitie " + i, null);
            actions.addAction(chairViewer, items.get(i), "Afspraak " + i, chairViewer.userId(),
                    LocalDate.now(ClockFactory.AMSTERDAM).plusDays(14), MeetingAction.Kind.GENERAL);
        }
    }

    @Test
    void theChairsAgendaOfFiftyCostsOneViewerLookupThreeSelectsAndOneBatchedLogInsert() {
        Counted counted = agendaAs("zorg.dijkstad");
        assertEquals(50, counted.byName(), "the chair sees every pupil of the school by name");
        counted.assertFewStatements(50);
    }

    @Test
    void theOfficersMixedAgendaCostsTheSame() {
        Counted counted = agendaAs("leerplicht.dijkstad");
        assertEquals(REPORTED, counted.byName(), "by name only after a DUO report, for pupils living in Dijkstad");
        assertEquals(UNREPORTED + BUITENLEERLINGEN, counted.byAlias());
        counted.assertFewStatements(REPORTED);
    }

    @Test
    void theAliasViewersAgendaCostsTheSameAndLogsNothing() {
        Counted counted = agendaAs("jgz.verpleegkundige");
        assertEquals(0, counted.byName(), "the youth nurse sees no pupil by name without consent");
        assertEquals(50, counted.byAlias());
        counted.assertFewStatements(0);
    }

    @Test
    void theMeetingScreenReadsTheAgendaInThreeSelectsToo() {
        Viewer officer = fixtures.viewer("leerplicht.dijkstad");
        log.clear();
        MeetingScreen screen = queries.screen(officer, meeting, null);
        List<StatementLog.Sent> sent = log.sent();
        assertEquals(50, screen.agenda().size());
        // the first item's facts panel reads the absence figures, signals and withdrawal notices of its pupil (other
        // features); everything else of the screen is the meeting statement and the pupil statement
        List<StatementLog.Sent> agendaSelects = sent.stream().filter(StatementLog.Sent::isSelect)
                .filter(s -> s.sql().contains("x_kind") || s.sql().contains("'P' AS kind")).toList();
        assertEquals(2, agendaSelects.size(), sent.toString());
        assertTrue(sent.stream().filter(s -> s.sql().contains("series_case") || s.sql().contains("agenda_item"))
                .allMatch(agendaSelects::contains), "no other read of the agenda, its pupils or seats: " + sent);
    }

    @Test
    void everyApiRequestLooksItsViewerUpInOneStatement() {
        String token = api.token("leerplicht.dijkstad");
        for (String path : List.of("/api/meetings", "/api/actions/mine", "/api/meetings/" + meeting)) {
            log.clear();
            ApiClient.Answer answer = api.call(HttpRequest.GET(path), token);
            assertEquals(200, answer.status(), answer.raw());
            List<StatementLog.Sent> sent = log.sent();
            assertEquals(1, sent.stream().filter(s -> s.sql().contains("sign_in_session")).count(), path + ": " + sent);
            assertEquals(0, sent.stream().filter(s -> s.sql().contains("FROM user_account") && !s.sql().contains("sign_in_session")
                    && !s.sql().contains("x_kind")).count(), path + ": no second look-up of the account: " + sent);
        }
    }

    private record Counted(List<StatementLog.Sent> sent, int byName, int byAlias) {

        void assertFewStatements(int loggedReads) {
            List<StatementLog.Sent> selects = sent.stream().filter(StatementLog.Sent::isSelect).toList();
            assertEquals(1, selects.stream().filter(s -> s.sql().contains("sign_in_session")).count(), "one viewer lookup: " + sent);
            assertTrue(selects.size() - 1 <= 3, "at most 3 SELECTs for the agenda besides the viewer lookup, not "
                    + (selects.size() - 1) + ": " + sent);
            List<StatementLog.Sent> inserts = sent.stream().filter(s -> s.isInsertInto("access_log")).toList();
            assertEquals(loggedReads == 0 ? 0 : 1, inserts.size(), "one batched access-log insert: " + sent);
            if (loggedReads > 0) {
                assertEquals(loggedReads, inserts.get(0).batchSize(), "one row per pupil read by name, in one batch");
            }
            assertEquals(selects.size() + inserts.size(), sent.size(), "nothing else is sent: " + sent);
        }
    }

    private Counted agendaAs(String username) {
        String token = api.token(username);
        log.clear();
        ApiClient.Answer answer = api.call(HttpRequest.GET("/api/meetings/" + meeting), token);
        List<StatementLog.Sent> sent = log.sent();
        assertEquals(200, answer.status(), answer.raw());
        int byName = 0, byAlias = 0;
        for (Object entry : answer.map().get("agenda") instanceof List<?> l ? l : List.of()) {
            Object disclosure = ((Map<?, ?>) ((Map<?, ?>) entry).get("pupil")).get("disclosure");
            if ("IDENTIFIED".equals(disclosure)) {
                byName++;
            } else if ("PSEUDONYMOUS".equals(disclosure)) {
                byAlias++;
            }
        }
        return new Counted(sent, byName, byAlias);
    }
}
