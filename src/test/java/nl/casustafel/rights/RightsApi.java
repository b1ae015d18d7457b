package nl.casustafel.rights;

import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import nl.casustafel.ApiClient;
import nl.casustafel.ApiClient.Answer;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rights tests' view of {@link ApiClient#call}: assertions on status and problem bodies, never a pupil name in a problem. */
final class RightsApi {

    private final ApiClient client;

    RightsApi(HttpClient http, JsonMapper json) {
        this.client = new ApiClient(http.toBlocking(), json);
    }

    Answer call(MutableHttpRequest<?> request, String token) {
        return client.call(request, token);
    }

    static Answer ok(int status, Answer answer) {
        assertEquals(status, answer.status(), answer.raw());
        return answer;
    }

    static Map<String, Object> assertProblem(Answer answer, int status, String field) {
        assertEquals(status, answer.status(), answer.raw());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
        if (field != null) {
            List<?> errors = (List<?>) answer.map().get("errors");
            assertEquals(field, ((Map<?, ?>) errors.getFirst()).get("field"), answer.raw());
        }
        assertTrue(!answer.raw().contains(RightsFixtures.GIVEN_NAME), "no pupil name in a problem: " + answer.raw());
        return answer.map();
    }
}
