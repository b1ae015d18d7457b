package nl.casustafel.platform;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.CasustafelTestProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI document made at compile time is public, describes the real API and its bearer token. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest implements CasustafelTestProperties {

    @Inject
    @Client("/")
    HttpClient httpClient;

    @Test
    void isServedWithoutAToken() {
        HttpResponse<String> response = httpClient.toBlocking().exchange(HttpRequest.GET("/openapi/casustafel.yml"), String.class);
        assertEquals(200, response.code());

        Map<String, Object> document = new Yaml().load(response.body());
        assertEquals("Casustafel API", map(document.get("info")).get("title"));
        Map<String, Object> paths = map(document.get("paths"));
        assertTrue(paths.containsKey("/api/pupils"), "paths: " + paths.keySet());
        assertTrue(paths.containsKey("/api/pupils/{id}"), "paths: " + paths.keySet());
        assertTrue(paths.containsKey("/api/me"), "paths: " + paths.keySet());
        assertFalse(paths.keySet().stream().anyMatch(path -> path.startsWith("/api/test")), "test controllers leaked in: " + paths.keySet());

        Map<String, Object> bearer = map(map(map(document.get("components")).get("securitySchemes")).get("bearerAuth"));
        assertEquals(Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT"), bearer);
        assertEquals(List.of(Map.of("bearerAuth", List.of())), document.get("security"), "every operation needs the token");
    }

    @Test
    void opensNothingElse() {
        ApiClient api = new ApiClient(httpClient.toBlocking());
        assertEquals(401, api.status(null, "/api/pupils"));
        assertEquals(401, api.status(null, "/api/me"));
        assertEquals(404, api.status(null, "/openapi/missing.yml"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }
}
