package nl.casustafel.account;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.privacy.Disclosure;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.school.SchoolRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiSecurityTest implements CasustafelTestProperties {

    private static final Argument<List<PupilView>> PUPILS = Argument.listOf(PupilView.class);

    @Inject
    @Client("/")
    HttpClient httpClient;
    @Inject
    SchoolRepository schools;
    private ApiClient api;


    @BeforeAll
    void client() {
        api = new ApiClient(httpClient.toBlocking());
    }

    @Test
    void noTokenGets401() {
        assertEquals(401, api.status(null, "/api/pupils"));
        assertEquals(401, api.status(null, "/api/me"));
        assertEquals(401, api.status(null, "/api/admin/users"));
    }

    @Test
    void forgedTokenGets401() {
        assertEquals(401, api.status("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJiZWhlZXIiLCJyb2xlcyI6WyJBRE1JTiJdfQ.c2lnbmF0dXJl", "/api/admin/users"));
    }

    @Test
    void wrongPasswordIsRefusedAtLogin() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> httpClient.toBlocking()
                .exchange(HttpRequest.POST("/login", Map.of("username", "zorg.dijkstad", "password", "fout"))));
        assertEquals(401, e.getStatus().getCode());
    }

    @Test
    void theApiAsksTheSecondFactorToo() {
        assertEquals(401, loginWithCode("smw.anker", null).getStatus().getCode(), "password alone");
        assertEquals(401, loginWithCode("smw.anker", nl.casustafel.DemoTotp.wrongCode(nl.casustafel.DemoTotp.SECRET)).getStatus().getCode());
        Map<?, ?> answer = httpClient.toBlocking().retrieve(HttpRequest.POST("/login", Map.of("username", "smw.anker",
                "password", ApiClient.DEMO_PASSWORD, "code", nl.casustafel.DemoTotp.code("smw.anker"))), Map.class);
        assertNotNull(answer.get("access_token"));
    }

    private HttpClientResponseException loginWithCode(String username, String code) {
        Map<String, String> body = new java.util.HashMap<>(Map.of("username", username, "password", ApiClient.DEMO_PASSWORD));
        if (code != null) {
            body.put("code", code);
        }
        return assertThrows(HttpClientResponseException.class, () -> httpClient.toBlocking()
                .exchange(HttpRequest.POST("/login", body), Argument.of(Map.class), Argument.of(Map.class)));
    }

    @Test
    void sixWrongPasswordsLockTheUsernameSoEvenTheRightPasswordIsRefusedForAMinute() {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login("swv.orthopedagoog", "fout " + i).getStatus().getCode());
        }
        HttpClientResponseException sixth = login("swv.orthopedagoog", "nog steeds fout");
        assertEquals(429, sixth.getStatus().getCode());
        HttpClientResponseException right = login("swv.orthopedagoog", ApiClient.DEMO_PASSWORD);
        assertEquals(429, right.getStatus().getCode());
        assertEquals("application/problem+json", right.getResponse().getContentType().orElseThrow().toString());
        Map<?, ?> problem = right.getResponse().getBody(Map.class).orElseThrow();
        assertEquals("Te veel pogingen.", problem.get("title"));
        assertEquals("Te veel mislukte pogingen. Probeer het over 1 minuut opnieuw.", problem.get("detail"));
        assertNotNull(api.token("zorg.veenhoven"), "other usernames still sign in");
    }

    private HttpClientResponseException login(String username, String password) {
        return assertThrows(HttpClientResponseException.class, () -> httpClient.toBlocking()
                .exchange(HttpRequest.POST("/login", Map.of("username", username, "password", password)), Argument.of(Map.class), Argument.of(Map.class)));
    }

    @Test
    void wrongRoleGets403() {
        assertEquals(403, api.status(api.token("zorg.dijkstad"), "/api/admin/users"));
        assertEquals(403, api.status(api.token("leerplicht.dijkstad"), "/api/pupils"));
        assertEquals(403, api.status(api.token("beheer"), "/api/pupils"));
        assertEquals(403, api.status(api.token("fg"), "/api/pupils/1"));
    }

    @Test
    void adminSeesPartiesSchoolsAndUsers() {
        String token = api.token("beheer");
        assertEquals(7, api.get(token, "/api/admin/parties", Argument.listOf(Map.class)).size());
        assertEquals(3, api.get(token, "/api/admin/schools", Argument.listOf(Map.class)).size());
        assertTrue(api.get(token, "/api/admin/users", Argument.listOf(Map.class)).size() >= 10);
    }

    @Test
    void careCoordinatorListsOnlyOwnSchoolsPupilsByName() {
        long ownSchool = schools.findByBrin("02CD").orElseThrow().id();
        List<PupilView> list = api.get(api.token("zorg.dijkstad"), "/api/pupils", PUPILS);
        assertFalse(list.isEmpty());
        assertTrue(list.stream().allMatch(p -> p.schoolId() != null && p.schoolId() == ownSchool), "only Dijkstad College pupils");
        assertTrue(list.stream().allMatch(p -> p.disclosure() == Disclosure.IDENTIFIED && p.name() != null));
    }

    @Test
    void schoolUserAskingForAnotherSchoolsPupilGetsNothing() {
        String veenhoven = api.token("zorg.veenhoven");
        long otherPupil = api.get(api.token("zorg.dijkstad"), "/api/pupils", PUPILS).getFirst().id();
        assertEquals(404, api.status(veenhoven, "/api/pupils/" + otherPupil));
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> api.get(veenhoven, "/api/pupils/" + otherPupil, String.class));
        String body = e.getResponse().getBody(String.class).orElse("");
        assertFalse(body.contains("schoolName"), "no pupil data in the error: " + body);
    }

    @Test
    void careCoordinatorGetsOwnPupil() {
        String token = api.token("zorg.dijkstad");
        PupilView first = api.get(token, "/api/pupils", PUPILS).getFirst();
        PupilView one = api.get(token, "/api/pupils/" + first.id(), PupilView.class);
        assertEquals(first.name(), one.name());
        assertNotNull(one.birthDate());
    }

    @Test
    void searchFiltersByNameAndSchoolYear() {
        String token = api.token("zorg.dijkstad");
        List<PupilView> year2 = api.get(token, "/api/pupils?schoolYear=2", PUPILS);
        assertFalse(year2.isEmpty());
        assertTrue(year2.stream().allMatch(p -> p.schoolYear() == 2));
        String familyName = year2.getFirst().name().substring(year2.getFirst().name().indexOf(' ') + 1);
        List<PupilView> byName = api.get(token, "/api/pupils?name=" + familyName.replace(" ", "%20").toUpperCase(), PUPILS);
        assertTrue(byName.stream().allMatch(p -> p.name().toLowerCase().contains(familyName.toLowerCase())));
        assertTrue(api.get(token, "/api/pupils?name=%25", PUPILS).isEmpty(), "a % is searched literally");
    }
}
