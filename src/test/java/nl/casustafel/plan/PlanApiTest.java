package nl.casustafel.plan;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.absence.TestSql;
import nl.casustafel.meeting.MeetingSeries;
import nl.casustafel.meeting.TableFixtures;
import nl.casustafel.platform.ClockFactory;
import nl.casustafel.scaledown.CaseScaledDown;
import nl.casustafel.scaledown.ScaleDownReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan van aanpak of a thuiszitterstafel case through {@code /api/pupils/{ref}/plans/{seriesId}}: drawn up,
 * changed into versions, progress between meetings, what is due on the home screen, refusals in Dutch with
 * nothing written, each participant reading it at their own level (the SWV by name after the parents were
 * notified, leerplicht under the alias before a DUO report, a stranger not at all: the 404 of a missing
 * plan), and closed after afschaling.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanApiTest implements CasustafelTestProperties {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);
    private static final LocalDate TODAY = LocalDate.now(ClockFactory.AMSTERDAM);

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TableFixtures fixtures;
    @Inject
    TestSql sql;
    @Inject
    io.micronaut.json.JsonMapper json;
    @Inject
    PlanReader plans;
    @Inject
    ApplicationEventPublisher<CaseScaledDown> scaledDown;

    private ApiClient api;
    private String chair, orthopedagoog, nurse, officer, stranger;
    private final List<Long> tables = new ArrayList<>();
    private final List<Long> pupils = new ArrayList<>();

    @BeforeAll
    void signIn() {
        api = new ApiClient(http.toBlocking(), json);
        chair = api.token("swv.coordinator");
        orthopedagoog = api.token("swv.orthopedagoog");
        nurse = api.token("jgz.verpleegkundige");
        officer = api.token("leerplicht.dijkstad");
        stranger = api.token("zorg.veenhoven");
    }

    @AfterAll
    void cleanUp() {
        tables.forEach(t -> sql.update("DELETE FROM case_plan WHERE series_id = " + t));
        pupils.forEach(p -> sql.update("DELETE FROM parent_notification WHERE pupil_id = " + p));
    }

    /** A thuiszitterstafel case whose parents were told the SWV and the CJG discuss it (so those see the pupil by name). */
    private record Case(MeetingSeries table, long pupil, String uri) {
    }

    private Case newCase() {
        MeetingSeries table = fixtures.tableLike(TableFixtures.THUISZITTERSTAFEL);
        long pupil = fixtures.freshPupil(TableFixtures.DIJKSTAD_COLLEGE, TableFixtures.DIJKSTAD);
        tables.add(table.id());
        pupils.add(pupil);
        fixtures.addCase(table, pupil, "zorg.dijkstad");
        long notification = sql.query("INSERT INTO parent_notification (pupil_id, notifying_party_id, purpose, notified_on, recorded_by) "
                + "SELECT " + pupil + ", u.party_id, 'THUISZITTERSTAFEL', DATE '" + TODAY + "', u.id FROM user_account u "
                + "WHERE u.username = 'zorg.dijkstad' RETURNING id", st -> {
            var rs = st.executeQuery();
            rs.next();
            return rs.getLong(1);
        });
        sql.update("INSERT INTO parent_notification_party (notification_id, party_id) SELECT " + notification + ", p.id FROM party p "
                + "WHERE p.name IN ('Samenwerkingsverband Passend Onderwijs Dijkstreek', 'CJG Dijkstreek (JGZ)')");
        return new Case(table, pupil, "/api/pupils/" + pupil + "/plans/" + table.id());
    }

    private long party(String name) {
        return sql.query("SELECT id FROM party WHERE name = '" + name + "'", st -> {
            var rs = st.executeQuery();
            rs.next();
            return rs.getLong(1);
        });
    }

    private Map<String, Object> firstPlan(Case c) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("coordinatorId", fixtures.viewer("swv.orthopedagoog").userId());
        draft.put("goals", List.of(Map.of("text", "Binnen zes weken weer drie ochtenden per week op school")));
        draft.put("interventions", List.of(
                Map.of("kind", "STEPWISE_RETURN", "description", "Opbouwrooster: eerst twee ochtenden",
                        "responsiblePartyId", party("Samenwerkingsverband Passend Onderwijs Dijkstreek"),
                        "responsibleUserId", fixtures.viewer("swv.orthopedagoog").userId(),
                        "startsOn", TODAY.minusDays(30).toString(), "endsOn", TODAY.minusDays(1).toString()),
                Map.of("kind", "YOUTH_CARE", "description", "Gesprekken over slaapritme",
                        "responsiblePartyId", party("CJG Dijkstreek (JGZ)"), "responsibleUserId", fixtures.viewer("jgz.verpleegkundige").userId(),
                        "startsOn", TODAY.toString(), "endsOn", TODAY.plusDays(60).toString())));
        draft.put("agreement", Map.of("agreedOn", TODAY.toString(), "present", "Moeder Janssen en de leerling"));
        draft.put("evaluations", List.of(Map.of("on", TODAY.plusDays(3).toString())));
        return api.call(HttpRequest.PUT(c.uri(), draft), chair).body(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void coordinatorDrawsUpThePlanAndEveryChangeIsKeptAsAVersion() {
        Case c = newCase();
        String missing = api.call(HttpRequest.GET(c.uri()), chair).raw();
        assertEquals(404, api.call(HttpRequest.GET(c.uri()), chair).status(), "no plan yet");

        Map<String, Object> plan = firstPlan(c);
        assertEquals(1, ((Number) plan.get("version")).intValue());
        assertEquals(fixtures.viewer("swv.orthopedagoog").displayName(), plan.get("coordinator"));
        List<Map<String, Object>> goals = (List<Map<String, Object>>) plan.get("goals");
        assertEquals(1, goals.size());
        assertEquals(2, ((List<?>) plan.get("interventions")).size());
        assertEquals("Moeder Janssen en de leerling", ((Map<String, Object>) plan.get("agreement")).get("text"));

        long key = ((Number) goals.getFirst().get("key")).longValue();
        Map<String, Object> changed = api.call(HttpRequest.PUT(c.uri(), Map.of("version", 1,
                "goals", List.of(Map.of("key", key, "text", "Binnen acht weken weer drie ochtenden per week op school")))), orthopedagoog).body(200);
        assertEquals(2, ((Number) changed.get("version")).intValue());
        assertEquals(2, ((List<?>) changed.get("interventions")).size(), "lists left out are kept");

        List<Map<String, Object>> versions = api.call(HttpRequest.GET(c.uri() + "/versions"), chair).list();
        assertEquals(2, versions.size());
        List<Map<String, Object>> v2 = (List<Map<String, Object>>) versions.get(1).get("changes");
        assertEquals("Doel gewijzigd", v2.getFirst().get("what"));
        assertEquals("Binnen zes weken weer drie ochtenden per week op school", ((Map<String, Object>) v2.getFirst().get("before")).get("text"));
        assertEquals("Binnen acht weken weer drie ochtenden per week op school", ((Map<String, Object>) v2.getFirst().get("line")).get("text"));

        // An outdated version is refused, nothing written.
        api.call(HttpRequest.PUT(c.uri(), Map.of("version", 1, "goals", List.of())), chair).assertProblem(400, "version");
        assertEquals(2, ((Number) api.get(chair, c.uri(), JSON).get("version")).intValue());
        assertFalse(missing.isEmpty());
    }

    @Test
    void invalidPlansAreRefusedInDutchAndNothingIsWritten() {
        Case c = newCase();
        Map<String, Object> bad = new HashMap<>();
        bad.put("coordinatorId", fixtures.viewer("swv.orthopedagoog").userId());
        bad.put("goals", List.of(Map.of("text", "Weer naar school")));
        bad.put("interventions", List.of(Map.of("kind", "EDUCATION", "description", "Maatwerkrooster",
                "responsiblePartyId", party("Samenwerkingsverband Passend Onderwijs Dijkstreek"),
                "startsOn", TODAY.toString(), "endsOn", TODAY.minusDays(5).toString())));
        ApiClient.Answer answer = api.call(HttpRequest.PUT(c.uri(), bad), chair);
        answer.assertProblem(400, "endsOn");
        assertTrue(answer.raw().contains("De einddatum ligt vóór de startdatum"), answer.raw());
        assertEquals(404, api.call(HttpRequest.GET(c.uri()), chair).status(), "nothing was written");

        api.call(HttpRequest.PUT(c.uri(), Map.of("coordinatorId", fixtures.viewer("zorg.veenhoven").userId(),
                "goals", List.of(Map.of("text", "Weer naar school")))), chair).assertProblem(400, "coordinatorId");
        api.call(HttpRequest.PUT(c.uri(), Map.of("coordinatorId", fixtures.viewer("swv.orthopedagoog").userId())), chair)
                .assertProblem(400, "goalText");
        api.call(HttpRequest.PUT(c.uri(), Map.of("coordinatorId", fixtures.viewer("swv.orthopedagoog").userId(),
                "goals", List.of(Map.of("text", " ")))), chair).assertProblem(400, "goalText");
        api.call(HttpRequest.PUT(c.uri(), Map.of("coordinatorId", fixtures.viewer("swv.orthopedagoog").userId(),
                "goals", List.of(Map.of("text", "Weer naar school")),
                "evaluations", List.of(Map.of("on", TODAY.minusDays(1).toString(), "done", true)))), chair).assertProblem(400, "conclusion");
        assertEquals(404, api.call(HttpRequest.GET(c.uri()), chair).status(), "still nothing written");
        assertEquals(0, (int) sql.query("SELECT count(*) FROM case_plan WHERE series_id = " + c.table().id(), st -> {
            var rs = st.executeQuery();
            rs.next();
            return rs.getInt(1);
        }));
    }

    @Test
    @SuppressWarnings("unchecked")
    void responsiblePartiesReportProgressAndWhatIsDueReachesTheirHomeScreen() {
        Case c = newCase();
        firstPlan(c);
        Map<String, Object> afterReport = api.call(HttpRequest.POST(c.uri() + "/progress",
                Map.of("text", "Twee gesprekken gevoerd; slaapritme iets beter")), nurse).body(201);
        List<Map<String, Object>> reports = (List<Map<String, Object>>) afterReport.get("progress");
        assertEquals("Twee gesprekken gevoerd; slaapritme iets beter", reports.getFirst().get("text"));
        api.call(HttpRequest.POST(c.uri() + "/progress", Map.of("text", " ")), nurse).assertProblem(400, "text");
        String byHandle = "/api/pupils/" + fixtures.handle(c.table().id(), c.pupil()) + "/plans/" + c.table().id();
        api.call(HttpRequest.POST(byHandle + "/progress", Map.of("text", "Ik was er ook")), officer).assertProblem(400, "plan");

        List<PlanViews.HomeItem> coordinatorHome = plans.dueFor(fixtures.viewer("swv.orthopedagoog")).stream()
                .filter(i -> i.seriesId() == c.table().id()).toList();
        assertTrue(coordinatorHome.stream().anyMatch(i -> i.due().kind() == PlanLine.Kind.EVALUATION && !i.due().overdue()), coordinatorHome.toString());
        assertTrue(coordinatorHome.stream().anyMatch(i -> i.due().kind() == PlanLine.Kind.INTERVENTION && i.due().overdue()), coordinatorHome.toString());
        List<PlanViews.HomeItem> nurseHome = plans.dueFor(fixtures.viewer("jgz.verpleegkundige")).stream()
                .filter(i -> i.seriesId() == c.table().id()).toList();
        assertTrue(nurseHome.isEmpty(), "the nurse's intervention runs on, the evaluation is the coordinator's: " + nurseHome);
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachParticipantReadsThePlanAtTheirOwnLevel() {
        Case c = newCase();
        firstPlan(c);
        api.call(HttpRequest.POST(c.uri() + "/progress", Map.of("text", "Moeder Janssen belde; gaat beter")), nurse).body(201);
        String handle = fixtures.handle(c.table().id(), c.pupil());
        String aliasUri = "/api/pupils/" + handle + "/plans/" + c.table().id();

        // By name: everything, names included.
        Map<String, Object> byName = api.get(chair, c.uri(), JSON);
        assertEquals("IDENTIFIED", ((Map<String, Object>) byName.get("pupil")).get("disclosure"));
        assertEquals(1, ((List<?>) byName.get("goals")).size());

        // Under the alias (leerplicht before a DUO report): by handle only; nothing written by name, no name, BSN or party name.
        ApiClient.Answer alias = api.call(HttpRequest.GET(aliasUri), officer);
        assertEquals(200, alias.status(), alias.raw());
        assertEquals("PSEUDONYMOUS", ((Map<String, Object>) alias.body(200).get("pupil")).get("disclosure"));
        for (String secret : List.of(fixtures.familyName(c.pupil()), fixtures.givenName(c.pupil()), fixtures.bsn(c.pupil()), "Janssen",
                "Binnen zes weken", "Opbouwrooster", "Samenwerkingsverband Passend", "CJG Dijkstreek", "\"pupilId\"", "\"coordinatorId\"")) {
            assertFalse(alias.raw().contains(secret), secret + " reached a viewer under the alias: " + alias.raw());
        }
        assertFalse(((List<?>) alias.body(200).get("withheld")).isEmpty(), "told what is withheld and why");
        ApiClient.Answer aliasVersions = api.call(HttpRequest.GET(aliasUri + "/versions"), officer);
        assertEquals(200, aliasVersions.status());
        assertFalse(aliasVersions.raw().contains("Janssen") || aliasVersions.raw().contains("Binnen zes weken"), aliasVersions.raw());

        // The alias viewer may not use the pupil number: the same 404 as a missing plan.
        String missing = api.call(HttpRequest.GET("/api/pupils/" + c.pupil() + "/plans/" + (c.table().id() + 1_000_000)), chair).raw();
        String byNumber = api.call(HttpRequest.GET(c.uri()), officer).raw();
        assertEquals(missing, byNumber);
        // Not at the table: the same 404, also for its versions and for writing.
        assertEquals(missing, api.call(HttpRequest.GET(c.uri()), stranger).raw());
        assertEquals(404, api.call(HttpRequest.GET(c.uri() + "/versions"), stranger).status());
        assertEquals(404, api.call(HttpRequest.POST(c.uri() + "/progress", Map.of("text", "x")), stranger).status());
        assertEquals(404, api.call(HttpRequest.PUT(c.uri(), Map.of("goals", List.of())), stranger).status());
    }

    @Test
    @SuppressWarnings("unchecked")
    void afschalingClosesThePlanAndKeepsItAsARecord() {
        Case c = newCase();
        firstPlan(c);
        scaledDown.publishEvent(new CaseScaledDown(c.table().id(), c.pupil(), ScaleDownReason.BACK_IN_EDUCATION,
                fixtures.chairOf(c.table()).userId(), Instant.now()));
        Map<String, Object> closed = api.get(chair, c.uri(), JSON);
        assertEquals(true, closed.get("closed"));
        assertEquals("SCALED_DOWN", closed.get("closedReason"));
        assertEquals(false, closed.get("mayWrite"));
        assertEquals(1, ((List<?>) closed.get("goals")).size(), "kept as a record");
        api.call(HttpRequest.PUT(c.uri(), Map.of("goals", List.of())), chair).assertProblem(400, "plan");
        api.call(HttpRequest.POST(c.uri() + "/progress", Map.of("text", "Nog een bericht")), nurse).assertProblem(400, "plan");
        assertEquals(1, ((Number) api.get(chair, c.uri(), JSON).get("version")).intValue());
    }
}
