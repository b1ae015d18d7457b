package nl.casustafel.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.DemoTotp;
import nl.casustafel.absence.TestSql;
import nl.casustafel.account.Enrolment;
import nl.casustafel.account.SecondFactorService;
import nl.casustafel.account.UserAccount;
import nl.casustafel.account.UserAccountRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accountbeheer through the API: the beheerder of the samenwerkingsverband (demo account {@code beheer})
 * manages its own party's accounts only; every act ends the sign-ins it must end and is in the beheerlogboek.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountAdministrationApiTest implements CasustafelTestProperties {

    private static final String BASE = "/api/admin/accounts";

    @Inject
    @Client("/")
    HttpClient httpClient;
    @Inject
    JsonMapper json;
    @Inject
    UserAccountRepository users;
    @Inject
    SecondFactorService secondFactors;
    @Inject
    TestSql sql;
    private ApiClient api;
    private String admin;
    private final List<Long> made = new ArrayList<>();
    private final Map<String, String> secrets = new HashMap<>();

    @BeforeAll
    void client() {
        api = new ApiClient(httpClient.toBlocking(), json);
        admin = api.token("beheer");
    }

    @AfterAll
    void deleteAccountsMadeHere() {
        made.forEach(users::deleteById);
    }

    @Test
    void aNewAccountGetsATemporaryPasswordOnceAndSignsInAfterEnrolment() {
        String username = "test.nieuw." + suffix();
        ApiClient.Answer answer = api.call(HttpRequest.POST(BASE, Map.of("username", username, "displayName", "Nieuwe Orthopedagoog",
                "role", "SUPPORT_EXPERT")), admin);
        Map<String, Object> created = answer.body(201);
        @SuppressWarnings("unchecked")
        Map<String, Object> account = (Map<String, Object>) created.get("account");
        made.add(((Number) account.get("id")).longValue());
        String password = (String) created.get("temporaryPassword");
        assertTrue(password.length() >= 12, password);
        assertEquals("SUPPORT_EXPERT", account.get("role"));
        assertEquals(false, account.get("secondFactorEnrolled"));
        UserAccount stored = users.findByUsername(username).orElseThrow();
        assertEquals(users.findByUsername("beheer").orElseThrow().partyId(), stored.partyId(), "the beheerder's own party");
        assertFalse(stored.passwordHash().contains(password), "only a hash is kept");

        api.call(login(username, password, "123456"), null).assertProblem(403, null);
        enrol(stored);
        String token = token(username, password);
        assertEquals(200, api.status(token, "/api/me"));
        assertTrue(logOf(admin).stream().anyMatch(row -> row.get("accountUsername").equals(username)
                && row.get("action").equals("CREATED") && row.get("actorUsername").equals("beheer")));
    }

    @Test
    void deactivationEndsTheTokensAndTheSignInUntilReactivated() {
        Made account = createEnrolled();
        String token = token(account.username, account.password);
        assertEquals(false, api.call(HttpRequest.POST(BASE + "/" + account.id + "/deactivate", ""), admin).body(200).get("active"));
        assertEquals(401, api.status(token, "/api/me"));
        api.call(login(account.username, account.password, code(account.username)), null).assertProblem(401, null);
        api.call(HttpRequest.POST(BASE + "/" + account.id + "/deactivate", ""), admin).assertProblem(400, "accountId");

        assertEquals(true, api.call(HttpRequest.POST(BASE + "/" + account.id + "/reactivate", ""), admin).body(200).get("active"));
        assertEquals(200, api.status(token(account.username, account.password), "/api/me"));
        assertEquals(401, api.status(token, "/api/me"), "reactivating does not bring old tokens back");
        List<String> actions = logOf(admin).stream().filter(row -> row.get("accountUsername").equals(account.username))
                .map(row -> (String) row.get("action")).toList();
        assertEquals(List.of("REACTIVATED", "DEACTIVATED", "CREATED"), actions);
    }

    @Test
    void aPasswordResetGivesANewTemporaryPasswordAndEndsEverySession() {
        Made account = createEnrolled();
        String token = token(account.username, account.password);
        ApiClient.Answer answer = api.call(HttpRequest.POST(BASE + "/" + account.id + "/password-reset", ""), admin);
        String password = (String) answer.body(200).get("temporaryPassword");
        assertFalse(password.equals(account.password));
        assertEquals(401, api.status(token, "/api/me"));
        api.call(login(account.username, account.password, code(account.username)), null).assertProblem(401, null);
        api.call(login(account.username, password, "000000"), null).assertProblem(401, null);
        assertEquals(200, api.status(token(account.username, password), "/api/me"), "the new password with the same second factor");
    }

    @Test
    void aSecondFactorResetEndsEverySessionAndTheAccountEnrolsAgain() {
        Made account = createEnrolled();
        String token = token(account.username, account.password);
        assertEquals(false, api.call(HttpRequest.POST(BASE + "/" + account.id + "/second-factor-reset", ""), admin)
                .body(200).get("secondFactorEnrolled"));
        assertEquals(401, api.status(token, "/api/me"));
        api.call(login(account.username, account.password, code(account.username)), null).assertProblem(403, null);
        assertTrue(logOf(admin).stream().anyMatch(row -> row.get("accountUsername").equals(account.username)
                && row.get("action").equals("SECOND_FACTOR_RESET")));
    }

    @Test
    void anotherPartysAccountIsNotFoundLikeOneThatDoesNotExistAndStaysUntouched() {
        UserAccount other = users.findByUsername("jgz.arts").orElseThrow();
        String token = api.token("jgz.arts");
        ApiClient.Answer none = api.call(HttpRequest.GET(BASE + "/999999999"), admin);
        none.assertProblem(404, null);
        for (String action : List.of("deactivate", "reactivate", "password-reset", "second-factor-reset")) {
            ApiClient.Answer theirs = api.call(HttpRequest.POST(BASE + "/" + other.id() + "/" + action, ""), admin);
            theirs.assertProblem(404, null);
            assertEquals(none.body().get("detail"), theirs.body().get("detail"), action);
            api.call(HttpRequest.POST(BASE + "/999999999/" + action, ""), admin).assertProblem(404, null);
        }
        ApiClient.Answer theirs = api.call(HttpRequest.GET(BASE + "/" + other.id()), admin);
        theirs.assertProblem(404, null);
        assertEquals(none.raw().replace("/999999999", ""), theirs.raw().replace("/" + other.id(), ""));
        assertEquals(other, users.findById(other.id()).orElseThrow());
        assertTrue(secondFactors.enrolled(other.id()));
        assertEquals(200, api.status(token, "/api/me"));
        assertFalse(api.call(HttpRequest.GET(BASE), admin).raw().contains("jgz.arts"), "the list shows the own party only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fg", "zorg.dijkstad", "leerplicht.dijkstad", "swv.coordinator", "jgz.arts"})
    void onlyTheBeheerderManagesAccounts(String username) {
        String token = api.token(username);
        long target = users.findByUsername("swv.orthopedagoog").orElseThrow().id();
        assertEquals(403, api.status(token, BASE));
        assertEquals(403, api.status(token, BASE + "/" + target));
        api.call(HttpRequest.POST(BASE, Map.of("username", "test.niet." + suffix(), "displayName", "X", "role", "ADMIN")), token)
                .assertProblem(403, null);
        api.call(HttpRequest.POST(BASE + "/" + target + "/deactivate", ""), token).assertProblem(403, null);
        assertTrue(users.findById(target).orElseThrow().active());
        assertEquals(username.equals("fg") ? 200 : 403, api.status(token, BASE + "/log"), "the log: beheerder and FG only");
    }

    @Test
    void theBeheerderCannotDeactivateItself() {
        long self = users.findByUsername("beheer").orElseThrow().id();
        ApiClient.Answer answer = api.call(HttpRequest.POST(BASE + "/" + self + "/deactivate", ""), admin);
        answer.assertProblem(400, "accountId");
        assertTrue(((String) answer.body().get("detail")).contains("eigen account"), answer.raw());
        assertTrue(users.findById(self).orElseThrow().active());
        assertEquals(200, api.status(admin, "/api/me"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no username               | ''             | Naam | SUPPORT_EXPERT    | ''  | username    | gebruikersnaam",
            "capitals and spaces       | Jan Jansen     | Naam | SUPPORT_EXPERT    | ''  | username    | kleine letters",
            "username taken            | zorg.dijkstad  | Naam | SUPPORT_EXPERT    | ''  | username    | al in gebruik",
            "no display name           | NEW            | ' '  | SUPPORT_EXPERT    | ''  | displayName | naam",
            "no role                   | NEW            | Naam | ''                | ''  | role        | Kies een rol",
            "unknown role              | NEW            | Naam | KING              | ''  | role        | Kies een rol",
            "role of a school board    | NEW            | Naam | CARE_COORDINATOR  | ''  | role        | soort organisatie",
            "role of a municipality    | NEW            | Naam | ATTENDANCE_OFFICER| ''  | role        | soort organisatie",
            "admin for another party   | NEW            | Naam | ADMIN             | JGZ | partyId     | eigen organisatie",
            "privacy officer elsewhere | NEW            | Naam | PRIVACY_OFFICER   | JGZ | partyId     | eigen organisatie",
    })
    void badInputIsADutchProblemAndWritesNothing(String rule, String username, String displayName, String role, String party,
                                                String field, String says) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username.equals("NEW") ? "test.fout." + suffix() : username);
        body.put("displayName", displayName);
        body.put("role", role);
        if (party.equals("JGZ")) {
            body.put("partyId", users.findByUsername("jgz.arts").orElseThrow().partyId());
        }
        long accountsBefore = count("user_account");
        long logBefore = count("account_admin_log");
        ApiClient.Answer answer = api.call(HttpRequest.POST(BASE, body), admin);
        answer.assertProblem(400, field);
        assertTrue(answer.raw().contains(says), rule + ": " + answer.raw());
        assertEquals(accountsBefore, count("user_account"), rule);
        assertEquals(logBefore, count("account_admin_log"), rule);
    }

    @Test
    void schoolsAndMunicipalitiesAreOnlyForTheRolesTheyBelongTo() {
        long school = sql.query("SELECT id FROM school ORDER BY id LIMIT 1", s -> {
            var rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        });
        long accountsBefore = count("user_account");
        api.call(HttpRequest.POST(BASE, Map.of("username", "test.fout." + suffix(), "displayName", "Naam", "role", "SUPPORT_EXPERT",
                "schoolIds", List.of(school))), admin).assertProblem(400, "schoolIds");
        api.call(HttpRequest.POST(BASE, Map.of("username", "test.fout." + suffix(), "displayName", "Naam", "role", "SUPPORT_EXPERT",
                "swornMunicipalityIds", List.of(1))), admin).assertProblem(400, "swornMunicipalityIds");
        assertEquals(accountsBefore, count("user_account"));
    }

    private record Made(long id, String username, String password) {
    }

    private Made createEnrolled() {
        String username = "test.beheer." + suffix();
        Map<String, Object> created = api.call(HttpRequest.POST(BASE, Map.of("username", username, "displayName", "Test Collega",
                "role", "PARTNERSHIP_COORDINATOR")), admin).body(201);
        UserAccount account = users.findByUsername(username).orElseThrow();
        made.add(account.id());
        enrol(account);
        return new Made(account.id(), username, (String) created.get("temporaryPassword"));
    }

    private void enrol(UserAccount account) {
        Enrolment enrolment = secondFactors.newEnrolment(account.username());
        secrets.put(account.username(), enrolment.secret());
        assertTrue(secondFactors.confirm(account.id(), enrolment, DemoTotp.code(enrolment.secret(), account.username())).isPresent());
    }

    private String code(String username) {
        return DemoTotp.code(secrets.get(username), username);
    }

    private String token(String username, String password) {
        String token = (String) api.call(login(username, password, code(username)), null).body(200).get("access_token");
        assertNotNull(token);
        return token;
    }

    private static io.micronaut.http.MutableHttpRequest<?> login(String username, String password, String code) {
        return HttpRequest.POST("/login", Map.of("username", username, "password", password, "code", code));
    }

    private List<Map<String, Object>> logOf(String token) {
        return api.call(HttpRequest.GET(BASE + "/log"), token).list();
    }

    private long count(String table) {
        return sql.query("SELECT count(*) FROM " + table, s -> {
            var rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        });
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
