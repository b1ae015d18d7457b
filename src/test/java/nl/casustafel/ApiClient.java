package nl.casustafel;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A small helper for API tests: sign in as a demo account and call endpoints with its token. */
public final class ApiClient {

    public static final String DEMO_PASSWORD = "casustafel-demo";

    private final BlockingHttpClient http;
    private final JsonMapper json;

    public ApiClient(BlockingHttpClient http) {
        this(http, null);
    }

    /** With a JSON mapper, {@link #call} reads the bodies of its answers. */
    public ApiClient(BlockingHttpClient http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    /** An answer whatever its status: the raw body, and a JSON object body (or an array under "list") read as a map. */
    public record Answer(int status, String raw, Map<String, Object> body, String contentType) {

        public Map<String, Object> map() {
            return body;
        }

        /** A JSON array body. */
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) body.get("list");
        }

        /** The body, after asserting the status. */
        public Map<String, Object> body(int expectedStatus) {
            assertEquals(expectedStatus, status, raw);
            return body;
        }

        /** Asserts an RFC 7807 problem with this status and, if given, this first invalid field. */
        public void assertProblem(int expectedStatus, String field) {
            assertEquals(expectedStatus, status, raw);
            assertTrue(contentType.startsWith("application/problem+json"), contentType);
            assertEquals(expectedStatus, ((Number) body.get("status")).intValue(), raw);
            if (field != null) {
                List<?> errors = (List<?>) body.get("errors");
                assertEquals(field, ((Map<?, ?>) errors.getFirst()).get("field"), raw);
            }
        }
    }

    /** Sends the request (with the token, if any) and returns the answer, also for a 4xx or 5xx. */
    public Answer call(MutableHttpRequest<?> request, String token) {
        if (token != null) {
            request.bearerAuth(token);
        }
        try {
            HttpResponse<String> response = http.exchange(request, String.class);
            return answer(response.code(), response.body(), response.getContentType().map(MediaType::toString).orElse(""));
        } catch (HttpClientResponseException e) {
            String raw = e.getResponse().getBody(String.class).orElse("");
            return answer(e.getStatus().getCode(), raw, e.getResponse().getContentType().map(MediaType::toString).orElse(""));
        }
    }

    private Answer answer(int status, String raw, String contentType) {
        try {
            Map<String, Object> body = Map.of();
            if (raw != null && raw.startsWith("{")) {
                body = json.readValue(raw, Argument.mapOf(String.class, Object.class));
            } else if (raw != null && raw.startsWith("[")) {
                body = Map.of("list", json.readValue(raw, Argument.listOf(Object.class)));
            }
            return new Answer(status, raw == null ? "" : raw, body, contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String token(String username) {
        Map<?, ?> body = http.retrieve(HttpRequest.POST("/login", Map.of("username", username, "password", DEMO_PASSWORD, "code", DemoTotp.code(username))), Map.class);
        return (String) body.get("access_token");
    }

    public <T> T get(String token, String uri, Class<T> type) {
        return http.retrieve(HttpRequest.GET(uri).bearerAuth(token), type);
    }

    public <T> T get(String token, String uri, Argument<T> type) {
        return http.retrieve(HttpRequest.GET(uri).bearerAuth(token), type);
    }

    /** The status of a GET, whether it succeeded or not. */
    public int status(String token, String uri) {
        HttpRequest<?> request = token == null ? HttpRequest.GET(uri) : HttpRequest.GET(uri).bearerAuth(token);
        try {
            HttpResponse<String> response = http.exchange(request, String.class);
            return response.code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }
}
