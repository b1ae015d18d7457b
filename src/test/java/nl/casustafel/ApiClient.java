package nl.casustafel;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.Map;

/** A small helper for API tests: sign in as a demo account and call endpoints with its token. */
public final class ApiClient {

    public static final String DEMO_PASSWORD = "casustafel-demo";

    private final BlockingHttpClient http;

    public ApiClient(BlockingHttpClient http) {
        this.http = http;
    }

    public String token(String username) {
        Map<?, ?> body = http.retrieve(HttpRequest.POST("/login", Map.of("username", username, "password", DEMO_PASSWORD)), Map.class);
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
