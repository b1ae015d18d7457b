package nl.casustafel.rights;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calls the API with a token and keeps status, raw body and parsed body, for assertions on both. */
final class RightsApi {

    record Answer(int status, String raw, Object body, String contentType) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            return (Map<String, Object>) body;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) body;
        }
    }

    private final HttpClient http;
    private final JsonMapper json;

    RightsApi(HttpClient http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    Answer call(MutableHttpRequest<?> request, String token) throws IOException {
        if (token != null) {
            request.bearerAuth(token);
        }
        try {
            HttpResponse<String> response = http.toBlocking().exchange(request, String.class);
            return answer(response.code(), response.body(), response.getContentType().map(MediaType::toString).orElse(""));
        } catch (HttpClientResponseException e) {
            String raw = e.getResponse().getBody(String.class).orElse("");
            return answer(e.getStatus().getCode(), raw, e.getResponse().getContentType().map(MediaType::toString).orElse(""));
        }
    }

    private Answer answer(int status, String raw, String contentType) throws IOException {
        Object body = null;
        if (raw != null && raw.startsWith("{")) {
            body = json.readValue(raw, Argument.mapOf(String.class, Object.class));
        } else if (raw != null && raw.startsWith("[")) {
            body = json.readValue(raw, Argument.listOf(Argument.mapOf(String.class, Object.class)));
        }
        return new Answer(status, raw == null ? "" : raw, body, contentType);
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
