package nl.casustafel.retention;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.ApiClient.Answer;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.platform.ClockFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST and DELETE /api/pupils/{id}/closing with the tokens of the demo accounts. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClosingApiTest implements CasustafelTestProperties {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;
    @Inject
    RetentionFixtures fixtures;
    private ApiClient api;
    private String school, otherSchool, officer;

    @BeforeAll
    void signIn() {
        api = new ApiClient(http.toBlocking(), json);
        school = api.token("zorg.dijkstad");
        otherSchool = api.token("zorg.veenhoven");
        officer = api.token("leerplicht.dijkstad");
    }

    @Test
    void theSchoolClosesAndReopensTheCase() throws IOException {
        long pupil = fixtures.pupil();
        String uri = "/api/pupils/" + pupil + "/closing";
        assertProblem(api.call(HttpRequest.GET(uri), school), 404, null);

        Map<String, Object> closed = ok(201, api.call(HttpRequest.POST(uri, Map.of("reason", "LEFT_REGION", "decidedOn", "2026-03-01")), school));
        assertEquals("LEFT_REGION", closed.get("reason"));
        assertEquals("2027-03-01", closed.get("destroyOn"));
        assertEquals("2027-03-01", ok(200, api.call(HttpRequest.GET(uri), school)).get("destroyOn"));
        assertProblem(api.call(HttpRequest.POST(uri, Map.of("reason", "DECEASED", "decidedOn", "2026-03-02")), school), 400, "pupilId");

        ok(204, api.call(HttpRequest.DELETE(uri), school));
        assertProblem(api.call(HttpRequest.GET(uri), school), 404, null);
        assertProblem(api.call(HttpRequest.DELETE(uri), school), 400, "pupilId");
        assertEquals(1, fixtures.count("SELECT count(*) FROM pupil_identity WHERE pupil_id = ?", pupil), "reopening keeps the data");
    }

    @Test
    void badInputIsA400ProblemInDutchAndWritesNothing() throws IOException {
        long pupil = fixtures.pupil();
        String uri = "/api/pupils/" + pupil + "/closing";
        String tomorrow = LocalDate.now(ClockFactory.AMSTERDAM).plusDays(1).toString();
        Answer future = api.call(HttpRequest.POST(uri, Map.of("reason", "DECEASED", "decidedOn", tomorrow)), school);
        assertProblem(future, 400, "decidedOn");
        assertEquals(List.of(Map.of("field", "decidedOn", "message", "mag niet in de toekomst liggen")), future.body().get("errors"));
        assertProblem(api.call(HttpRequest.POST(uri, Map.of("decidedOn", "2026-03-01")), school), 400, "reason");
        assertProblem(api.call(HttpRequest.POST(uri, Map.of("reason", "DECEASED")), school), 400, "decidedOn");
        assertProblem(api.call(HttpRequest.POST(uri, Map.of("reason", "GRADUATED", "decidedOn", "2026-03-01")), school), 400, null);
        assertEquals(0, fixtures.count("SELECT count(*) FROM closing_decision WHERE pupil_id = ?", pupil));
    }

    @Test
    void onlyTheSchoolThatHoldsTheCaseMayDecide() throws IOException {
        long pupil = fixtures.pupil();
        String uri = "/api/pupils/" + pupil + "/closing";
        Map<String, String> body = Map.of("reason", "LEFT_REGION", "decidedOn", "2026-03-01");
        assertProblem(api.call(HttpRequest.POST(uri, body), otherSchool), 404, null);
        assertProblem(api.call(HttpRequest.POST(uri, body), officer), 403, null);
        assertProblem(api.call(HttpRequest.POST(uri, body), null), 401, null);
        assertProblem(api.call(HttpRequest.DELETE(uri), otherSchool), 404, null);
        assertProblem(api.call(HttpRequest.POST("/api/pupils/99999999/closing", body), school), 404, null);
        assertEquals(0, fixtures.count("SELECT count(*) FROM closing_decision WHERE pupil_id = ?", pupil));
    }

    private static Map<String, Object> ok(int status, Answer answer) {
        return answer.body(status);
    }

    private static void assertProblem(Answer answer, int status, String field) {
        answer.assertProblem(status, field);
        assertTrue(!answer.raw().contains("Bewaar") && !answer.raw().contains("Termijn"), "no pupil data in a problem: " + answer.raw());
    }
}
