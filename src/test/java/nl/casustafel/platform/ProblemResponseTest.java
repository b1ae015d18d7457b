package nl.casustafel.platform;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.privacy.PupilView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every failed API request is answered with an RFC 7807 problem in Dutch that reveals nothing it should not. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemResponseTest implements CasustafelTestProperties {

    private static final String CONSENTS = "/api/test/problems/consents";

    @Inject
    @Client("/")
    HttpClient httpClient;
    @Inject
    JsonMapper json;
    private ApiClient api;
    private String token;

    @BeforeAll
    void client() {
        api = new ApiClient(httpClient.toBlocking());
        token = api.token("zorg.dijkstad");
    }

    @Test
    void noTokenIsAProblem401() throws IOException {
        Answer answer = send(HttpRequest.GET("/api/pupils"));
        answer.assertProblem(401, "about:blank", "Niet aangemeld.");
        assertTrue(answer.detail().contains("Bearer"), answer.raw());
        assertFalse(answer.body().containsKey("errors"), "no errors member without invalid fields: " + answer.raw());
    }

    @Test
    void forgedTokenIsAProblem401() throws IOException {
        send(HttpRequest.GET("/api/me").bearerAuth("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJiZWhlZXIifQ.c2lnbmF0dXJl"))
                .assertProblem(401, "about:blank", "Niet aangemeld.");
    }

    @Test
    void wrongPasswordAtLoginIsAProblem401() throws IOException {
        Answer answer = send(HttpRequest.POST("/login", Map.of("username", "zorg.dijkstad", "password", "fout")));
        answer.assertProblem(401, "about:blank", "Niet aangemeld.");
        assertEquals("Gebruikersnaam, wachtwoord of code onjuist.", answer.detail());
    }

    @Test
    void wrongRoleIsAProblem403() throws IOException {
        Answer answer = send(HttpRequest.GET("/api/admin/users").bearerAuth(token));
        answer.assertProblem(403, "about:blank", "Geen toegang.");
        assertFalse(answer.detail().isBlank());
    }

    @Test
    void aHiddenPupilAndAMissingOneGetTheSame404WithoutPupilData() throws IOException {
        PupilView pupil = api.get(token, "/api/pupils", Argument.listOf(PupilView.class)).getFirst();
        String otherSchool = api.token("zorg.veenhoven");

        Answer hidden = send(HttpRequest.GET("/api/pupils/" + pupil.id()).bearerAuth(otherSchool));
        Answer missing = send(HttpRequest.GET("/api/pupils/987654321").bearerAuth(otherSchool));

        hidden.assertProblem(404, "about:blank", "Niet gevonden.");
        assertEquals(missing.raw(), hidden.raw(), "a hidden pupil must look like a missing one");
        String familyName = pupil.name().substring(pupil.name().lastIndexOf(' ') + 1);
        for (String data : List.of(familyName, pupil.school(), String.valueOf(pupil.id()), "Leerling")) {
            assertFalse(hidden.raw().contains(data), "pupil data '" + data + "' in the 404: " + hidden.raw());
        }
    }

    @Test
    void invalidBodyFieldsAreNamedWithoutMethodOrArgument() throws IOException {
        Answer answer = send(HttpRequest.POST(CONSENTS, Map.of("duoReference", " ", "age", 40)).bearerAuth(token));
        answer.assertProblem(400, "urn:casustafel:problem:invalid-input", "Ongeldige invoer.");
        assertEquals(List.of(
                Map.of("field", "age", "message", "mag niet groter zijn dan 23"),
                Map.of("field", "duoReference", "message", "moet ingevuld zijn")), answer.body().get("errors"));
    }

    @Test
    void nestedFieldsAreNamedWithTheirPosition() throws IOException {
        Answer answer = send(HttpRequest.POST(CONSENTS, Map.of("duoReference", "DUO-1", "age", 8,
                "contacts", List.of(Map.of("name", "Mevr. A"), Map.of("name", "")))).bearerAuth(token));
        answer.assertProblem(400, "urn:casustafel:problem:invalid-input", "Ongeldige invoer.");
        assertEquals(List.of(Map.of("field", "contacts[1].name", "message", "moet ingevuld zijn")), answer.body().get("errors"));
    }

    @Test
    void aBrokenDomainRuleNamesItsField() throws IOException {
        Answer answer = send(HttpRequest.POST(CONSENTS, Map.of("duoReference", "DUO-1", "age", 13, "parentConsent", "ja"))
                .bearerAuth(token));
        answer.assertProblem(400, "urn:casustafel:problem:invalid-input", "Ongeldige invoer.");
        String rule = "Bij een leerling van 12 tot 16 jaar geven ouder én leerling toestemming.";
        assertEquals(rule, answer.detail());
        assertEquals(List.of(Map.of("field", "pupilConsent", "message", rule)), answer.body().get("errors"));
    }

    @Test
    void validInputPasses() {
        String ok = httpClient.toBlocking().retrieve(HttpRequest.POST(CONSENTS,
                Map.of("duoReference", "DUO-1", "age", 13, "parentConsent", "ja", "pupilConsent", "ja")).bearerAuth(token));
        assertEquals("ok", ok);
    }

    @Test
    void malformedJsonIsA400WithoutParserDetails() throws IOException {
        Answer answer = send(HttpRequest.POST(CONSENTS, "{\"duoReference\": ").contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(token));
        answer.assertProblem(400, "about:blank", "Ongeldige invoer.");
        assertFalse(answer.raw().contains("Unexpected") || answer.raw().contains("JSON"), answer.raw());
    }

    @Test
    void aServerErrorDoesNotShowTheExceptionMessage() throws IOException {
        Answer answer = send(HttpRequest.GET("/api/test/problems/failure").bearerAuth(token));
        answer.assertProblem(500, "about:blank", "Interne fout.");
        assertFalse(answer.raw().contains("Jansen") || answer.raw().contains("SELECT"), answer.raw());
    }

    private Answer send(HttpRequest<?> request) throws IOException {
        try {
            HttpResponse<String> response = httpClient.toBlocking().exchange(request, String.class);
            throw new AssertionError("expected a failure, got " + response.code() + ": " + response.body());
        } catch (HttpClientResponseException e) {
            String raw = e.getResponse().getBody(String.class).orElse("");
            Map<String, Object> body = raw.isEmpty() ? Map.of() : json.readValue(raw, Argument.mapOf(String.class, Object.class));
            return new Answer(e.getStatus().getCode(), e.getResponse().getContentType().orElse(null), raw, body);
        }
    }

    private record Answer(int status, MediaType contentType, String raw, Map<String, Object> body) {

        void assertProblem(int expectedStatus, String type, String title) {
            assertEquals(expectedStatus, status, raw);
            assertEquals(MediaType.APPLICATION_JSON_PROBLEM_TYPE, contentType, raw);
            assertEquals(type, body.get("type"), raw);
            assertEquals(title, body.get("title"), raw);
            assertEquals(expectedStatus, ((Number) body.get("status")).intValue(), raw);
            assertTrue(body.get("detail") instanceof String detail && !detail.isBlank(), "a detail: " + raw);
        }

        String detail() {
            return (String) body.get("detail");
        }
    }
}
