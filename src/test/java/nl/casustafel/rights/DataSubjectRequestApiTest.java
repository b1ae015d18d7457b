package nl.casustafel.rights;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.platform.ClockFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static nl.casustafel.rights.RightsApi.assertProblem;
import static nl.casustafel.rights.RightsApi.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The register of data-subject requests (art. 13 covenant) through the API, with the demo accounts. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataSubjectRequestApiTest implements CasustafelTestProperties {

    private static final String URI = "/api/data-subject-requests";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;
    @Inject
    RightsFixtures fixtures;
    private RightsApi api;
    private String chair, officer, nurse, otherChair;
    private LocalDate today;

    @BeforeAll
    void signIn() {
        ApiClient client = new ApiClient(http.toBlocking());
        chair = client.token("zorg.dijkstad");
        officer = client.token("leerplicht.dijkstad");
        nurse = client.token("jgz.verpleegkundige");
        otherChair = client.token("zorg.veenhoven");
        api = new RightsApi(http, json);
        today = LocalDate.now(ClockFactory.AMSTERDAM);
    }

    private Map<String, Object> request(long table, long pupil, String kind, String by, LocalDate receivedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("series", table);
        body.put("pupil", String.valueOf(pupil));
        body.put("kind", kind);
        body.put("requestedBy", by);
        body.put("receivedOn", receivedOn.toString());
        return body;
    }

    private long requestsOf(long pupil) {
        return fixtures.count("SELECT count(*) FROM data_subject_request WHERE pupil_id = ?", pupil);
    }

    @AfterAll
    void cleanUp() {
        fixtures.cleanUp();
    }

    @Test
    void theChairRegistersAnAccessRequestDueOneMonthLater() throws IOException {
        long table = fixtures.table();
        long pupil = fixtures.pupilAt(table, today.minusYears(14));
        LocalDate received = LocalDate.of(today.getYear() - 1, 1, 31);
        LocalDate endOfFebruary = LocalDate.of(today.getYear() - 1, 2, 1).plusMonths(1).minusDays(1);
        Map<String, Object> made = ok(201, api.call(HttpRequest.POST(URI, request(table, pupil, "ACCESS", "PUPIL", received)), chair)).map();
        assertEquals(endOfFebruary.toString(), made.get("dueOn"), "one month after 31 January is the last day of February");
        assertEquals("OPEN", made.get("status"));
        assertEquals("Inzage", made.get("kindLabel"));
        assertEquals(Boolean.TRUE, made.get("overdue"));
        Map<?, ?> shown = (Map<?, ?>) made.get("pupil");
        assertEquals("IDENTIFIED", shown.get("disclosure"));
        assertEquals(RightsFixtures.GIVEN_NAME + " Verzoeker", shown.get("name"));

        Map<String, Object> fresh = ok(201, api.call(HttpRequest.POST(URI, request(table, pupil, "RECTIFICATION", "PARENT", today)), chair)).map();
        assertEquals(today.plusMonths(1).toString(), fresh.get("dueOn"));
        assertEquals(Boolean.FALSE, fresh.get("overdue"));
        assertEquals(2, requestsOf(pupil));
    }

    @ParameterizedTest(name = "{0} years old, asked by {1}: {2}")
    @CsvSource({
            "10, PUPIL, refused",
            "10, PARENT, accepted",
            "12, PUPIL, accepted",
            "15, PARENT, accepted",
            "15, PUPIL, accepted",
            "16, PARENT, refused",
            "16, PUPIL, accepted",
    })
    void whoMayAskFollowsTheAgeOnTheDayOfReceipt(int age, String by, String outcome) throws IOException {
        long table = fixtures.table();
        long pupil = fixtures.pupilAt(table, today.minusYears(age));
        ApiClient.Answer answer = api.call(HttpRequest.POST(URI, request(table, pupil, "ERASURE", by, today)), chair);
        if (outcome.equals("accepted")) {
            ok(201, answer);
            assertEquals(1, requestsOf(pupil));
            return;
        }
        Map<String, Object> problem = assertProblem(answer, 400, "requestedBy");
        String message = (String) ((Map<?, ?>) ((List<?>) problem.get("errors")).getFirst()).get("message");
        String who = age < 12 ? "de ouder of voogd" : "de leerling zelf";
        assertEquals("De leerling was " + age + " jaar op de dag van ontvangst; op die leeftijd oefent " + who
                + " dit recht uit (voetnoot 28 bij art. 13 convenant). Kies wie het verzoek doet.", message);
        assertEquals(0, requestsOf(pupil), "nothing is written");
    }

    @Test
    void badInputIsA400InDutchAndWritesNothing() throws IOException {
        long table = fixtures.table();
        long pupil = fixtures.pupilAt(table, today.minusYears(14));
        Map<String, Object> future = request(table, pupil, "ACCESS", "PUPIL", today.plusDays(1));
        assertEquals(List.of(Map.of("field", "receivedOn", "message", "mag niet in de toekomst liggen")),
                assertProblem(api.call(HttpRequest.POST(URI, future), chair), 400, "receivedOn").get("errors"));
        Map<String, Object> noKind = request(table, pupil, "ACCESS", "PUPIL", today);
        noKind.remove("kind");
        assertProblem(api.call(HttpRequest.POST(URI, noKind), chair), 400, "kind");
        Map<String, Object> noTable = request(table, pupil, "ACCESS", "PUPIL", today);
        noTable.remove("series");
        assertProblem(api.call(HttpRequest.POST(URI, noTable), chair), 400, "series");
        assertProblem(api.call(HttpRequest.POST(URI, request(table, pupil, "COMPLAINT", "PUPIL", today)), chair), 400, null);
        assertEquals(0, requestsOf(pupil));
    }

    @Test
    void aRefusalNeedsAWrittenMotivation() throws IOException {
        long table = fixtures.table();
        long pupil = fixtures.pupilAt(table, today.minusYears(14));
        long id = id(ok(201, api.call(HttpRequest.POST(URI, request(table, pupil, "ERASURE", "PUPIL", today)), chair)));
        String decision = URI + "/" + id + "/decision";

        Map<String, Object> problem = assertProblem(api.call(HttpRequest.POST(decision, Map.of("status", "REFUSED", "motivation", "  ")), chair),
                400, "motivation");
        assertEquals("Een afwijzing wordt schriftelijk en duidelijk gemotiveerd (art. 13.2 convenant). Vul de motivering in.",
                problem.get("detail"));
        assertEquals(0, fixtures.count("SELECT count(*) FROM data_subject_request WHERE id = ? AND status <> 'OPEN'", id));
        assertProblem(api.call(HttpRequest.POST(decision, Map.of("status", "OPEN")), chair), 400, "status");

        String why = "De gegevens zijn nodig voor de wettelijke taak van de leerplichtambtenaar (art. 17 lid 3 AVG).";
        Map<String, Object> refused = ok(200, api.call(HttpRequest.POST(decision, Map.of("status", "REFUSED", "motivation", why)), chair)).map();
        assertEquals("REFUSED", refused.get("status"));
        assertEquals(why, refused.get("motivation"));
        assertEquals(today.toString(), refused.get("decidedOn"));
        assertProblem(api.call(HttpRequest.POST(decision, Map.of("status", "GRANTED")), chair), 400, "status");
    }

    @Test
    void onlyTheChairOfTheTableRegistersAndDecides() throws IOException {
        long table = fixtures.table();
        long pupil = fixtures.pupilAt(table, today.minusYears(14));
        fixtures.duoReport(pupil, "DUO-RECHT-" + pupil); // the officer now sees the pupil by name, and is still not the chair
        Map<String, Object> body = request(table, pupil, "ACCESS", "PUPIL", today);
        assertProblem(api.call(HttpRequest.POST(URI, body), officer), 403, null);
        assertProblem(api.call(HttpRequest.POST(URI, body), nurse), 404, null); // a number from an alias viewer is not resolved
        assertProblem(api.call(HttpRequest.POST(URI, body), otherChair), 404, null);
        assertProblem(api.call(HttpRequest.POST(URI, body), null), 401, null);
        assertEquals(0, requestsOf(pupil));

        long id = id(ok(201, api.call(HttpRequest.POST(URI, body), chair)));
        Map<String, String> grant = Map.of("status", "GRANTED");
        assertProblem(api.call(HttpRequest.POST(URI + "/" + id + "/decision", grant), officer), 403, null);
        assertProblem(api.call(HttpRequest.POST(URI + "/" + id + "/decision", grant), nurse), 403, null);
        assertProblem(api.call(HttpRequest.POST(URI + "/" + id + "/decision", grant), otherChair), 404, null);
        assertProblem(api.call(HttpRequest.POST(URI + "/999999999/decision", grant), chair), 404, null);
        assertEquals(0, fixtures.count("SELECT count(*) FROM data_subject_request WHERE id = ? AND status <> 'OPEN'", id));
        assertProblem(api.call(HttpRequest.GET(URI + "?series=" + table), otherChair), 404, null);
    }

    @Test
    void everyParticipantSeesTheOpenRequestsAtTheirOwnDisclosureLevel() throws IOException {
        long table = fixtures.table();
        long pupil = fixtures.pupilAt(table, today.minusYears(13));
        long id = id(ok(201, api.call(HttpRequest.POST(URI, request(table, pupil, "OBJECTION", "PARENT", today)), chair)));
        long decided = id(ok(201, api.call(HttpRequest.POST(URI, request(table, pupil, "ACCESS", "PARENT", today)), chair)));
        ok(200, api.call(HttpRequest.POST(URI + "/" + decided + "/decision", Map.of("status", "GRANTED")), chair));

        List<Map<String, Object>> forChair = ok(200, api.call(HttpRequest.GET(URI + "?series=" + table), chair)).list();
        assertEquals(List.of(id), forChair.stream().map(m -> ((Number) m.get("id")).longValue()).toList(), "only the open request");
        assertEquals(RightsFixtures.GIVEN_NAME + " Verzoeker", ((Map<?, ?>) forChair.getFirst().get("pupil")).get("name"));

        ApiClient.Answer forNurse = ok(200, api.call(HttpRequest.GET(URI + "?series=" + table), nurse));
        assertEquals(1, forNurse.list().size());
        Map<?, ?> shown = (Map<?, ?>) forNurse.list().getFirst().get("pupil");
        assertEquals("PSEUDONYMOUS", shown.get("disclosure"));
        assertNotNull(shown.get("alias"));
        assertNotNull(shown.get("handle"));
        assertNull(shown.get("id"));
        assertFalse(forNurse.raw().contains(RightsFixtures.GIVEN_NAME), forNurse.raw());
        assertFalse(forNurse.raw().contains("Verzoeker"), forNurse.raw());
        assertFalse(numbers(forNurse.list()).contains(pupil), "no pupil number anywhere: " + forNurse.raw());
    }

    private static long id(ApiClient.Answer answer) {
        return ((Number) answer.map().get("id")).longValue();
    }

    /** Every number in the answer's requests other than the request's own id (the pupil's "id" included). */
    private static List<Long> numbers(Object body) {
        List<Long> found = new java.util.ArrayList<>();
        for (Object request : (Collection<?>) body) {
            Map<Object, Object> rest = new HashMap<>((Map<?, ?>) request);
            rest.remove("id");
            collect(rest, found);
        }
        return found;
    }

    private static void collect(Object node, List<Long> found) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, found));
        } else if (node instanceof Collection<?> list) {
            list.forEach(v -> collect(v, found));
        } else if (node instanceof Number n) {
            found.add(n.longValue());
        }
    }
}
