package nl.casustafel.consent;

import nl.casustafel.privacy.PupilIdentityRepository;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.covenant.PartyRepository;
import nl.casustafel.meeting.MeetingSeriesRepository;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.absence.TestSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a participant learns about a pupil from the answers of the consent and DUO report endpoints
 * (issue 10, findings b, e and i): no age or birth date for who sees only the alias, one 404 for
 * "none" and "not yours", one row for one consent.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentDisclosureApiTest implements CasustafelTestProperties {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;
    @Inject
    PupilIdentityRepository identities;
    @Inject
    MeetingSeriesRepository series;
    @Inject
    PartyRepository parties;
    @Inject
    TestSql sql;
    private ApiClient api;

    @BeforeAll
    void client() {
        api = new ApiClient(http.toBlocking(), json);
    }

    @Test
    void aParticipantWhoSeesOnlyTheAliasCannotBisectTheBirthDateThroughConsentRefusals() {
        long pupil = pupil("472141326"); // 14, on the verzuimoverleg of Dijkstad College; the nurse sees the alias
        String handle = handleAt("Verzuimoverleg Dijkstad College", "zorg.dijkstad", pupil);
        String nurse = api.token("jgz.verpleegkundige");
        long cjg = parties.findByName("CJG Dijkstreek (JGZ)").orElseThrow().id();

        Map<String, String> answers = new HashMap<>();
        for (String day : List.of("2012-05-22", "2012-05-24", "2020-01-01", "2024-05-22", "2024-05-24", LocalDate.now().minusDays(1).toString())) {
            ApiClient.Answer answer = api.call(HttpRequest.POST("/api/pupils/" + handle + "/consents",
                    consent(cjg, "VERZUIMOVERLEG", day, false, true)), nurse);
            answer.assertProblem(400, "givenOn");
            answers.put(day, answer.raw());
        }
        assertEquals(1, answers.values().stream().distinct().count(), "every past date gets the same answer: " + answers);

        ApiClient.Answer today = api.call(HttpRequest.POST("/api/pupils/" + handle + "/consents",
                consent(cjg, "VERZUIMOVERLEG", LocalDate.now().toString(), false, true)), nurse);
        today.assertProblem(400, "givers");
        assertTrue(today.raw().contains("de leerling zelf"), today.raw());
        assertFalse(today.raw().matches("(?s).*\\d+ jaar.*"), "no age in the answer: " + today.raw());
        assertFalse(today.raw().contains("2012"), today.raw());
        long logged = sql.query("SELECT count(*) FROM access_log WHERE pupil_id = ? AND username = 'jgz.verpleegkundige'"
                + " AND context LIKE 'leeftijdscontrole%'", s -> {
            s.setLong(1, pupil);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertTrue(logged >= 1, "the age check on the viewer's behalf is in the access log");
    }

    @Test
    void theSchoolWhichSeesTheBirthDateIsStillToldTheAge() {
        long pupil = pupil("490080947");
        long swv = parties.findByName("Samenwerkingsverband Passend Onderwijs Dijkstreek").orElseThrow().id();
        ApiClient.Answer answer = api.call(HttpRequest.POST("/api/pupils/" + pupil + "/consents",
                consent(swv, "SOT", "2025-09-01", false, true)), api.token("zorg.veenhoven"));
        answer.assertProblem(400, "givers");
        assertTrue(answer.raw().contains("De leerling was 17 jaar op de dag van de toestemming"), answer.raw());
    }

    @Test
    void twoIdenticalConsentsPostedAtTheSameMomentAreStoredOnce() throws Exception {
        long pupil = pupil("490080947");
        long swv = parties.findByName("Samenwerkingsverband Passend Onderwijs Dijkstreek").orElseThrow().id();
        String school = api.token("zorg.veenhoven");
        Map<String, Object> body = consent(swv, "SOT", LocalDate.now().minusDays(2).toString(), true, false);
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<ApiClient.Answer>> posts = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return api.call(HttpRequest.POST("/api/pupils/" + pupil + "/consents", body), school);
        })).toList();
        ApiClient.Answer first = posts.get(0).get();
        ApiClient.Answer second = posts.get(1).get();
        assertTrue(first.status() < 300 && second.status() < 300, first.raw() + " / " + second.raw());
        assertEquals(first.map().get("id"), second.map().get("id"), "both answers name the one stored consent");
        long rows = sql.query("SELECT count(*) FROM consent WHERE pupil_id = ? AND party_id = ? AND withdrawn_on IS NULL",
                s -> {
                    s.setLong(1, pupil);
                    s.setLong(2, swv);
                    try (var rs = s.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
        assertEquals(1, rows);

        // "Does not exist" and "not yours" are one answer.
        ApiClient.Answer notYours = api.call(HttpRequest.POST("/api/consents/" + first.map().get("id") + "/withdraw", Map.of()),
                api.token("zorg.dijkstad"));
        ApiClient.Answer none = api.call(HttpRequest.POST("/api/consents/987654321/withdraw", Map.of()), api.token("zorg.dijkstad"));
        assertEquals(404, notYours.status(), notYours.raw());
        assertEquals(none.status(), notYours.status());
        assertEquals(none.raw(), notYours.raw());

        api.call(HttpRequest.POST("/api/consents/" + first.map().get("id") + "/withdraw", Map.of()), school).body(200);
    }

    @Test
    void closingADuoReportAnswersTheSameForNoneAndNotYours() {
        long pupil = pupil("225352977"); // Veenhoven Lyceum
        String school = api.token("zorg.veenhoven");
        String residence = api.get(school, "/api/pupils/" + pupil, PupilView.class).residence();
        String sworn = api.token("Dijkstad".equals(residence) ? "leerplicht.dijkstad" : "leerplicht.veenhoven");
        String other = api.token("Dijkstad".equals(residence) ? "leerplicht.veenhoven" : "leerplicht.dijkstad");
        Map<String, Object> report = api.call(HttpRequest.POST("/api/pupils/" + pupil + "/duo-reports",
                Map.of("kind", "OTHER_RELATIVE", "reportedOn", LocalDate.now().minusDays(1).toString(), "duoReference", "DUO-TEST-404")),
                school).body(201);
        try {
            ApiClient.Answer notYours = api.call(HttpRequest.POST("/api/duo-reports/" + report.get("id") + "/close", Map.of()), other);
            ApiClient.Answer none = api.call(HttpRequest.POST("/api/duo-reports/987654321/close", Map.of()), other);
            assertEquals(404, notYours.status(), notYours.raw());
            assertEquals(none.raw(), notYours.raw());
        } finally {
            api.call(HttpRequest.POST("/api/duo-reports/" + report.get("id") + "/close", Map.of()), sworn).body(200);
        }
    }

    private static Map<String, Object> consent(long partyId, String purpose, String givenOn, boolean byPupil, boolean byParent) {
        Map<String, Object> body = new HashMap<>();
        body.put("partyId", partyId);
        body.put("purpose", purpose);
        if ("SOT".equals(purpose)) {
            body.put("hulpvraag", "Onderzoek naar dyslexie");
        }
        body.put("categories", List.of("IDENTITY", "SCHOOL"));
        body.put("givenByPupil", byPupil);
        body.put("givenByParent", byParent);
        if (byParent) {
            body.put("parentName", "J. Jansen");
        }
        body.put("method", "VERBAL_IN_MEETING");
        body.put("givenOn", givenOn);
        return body;
    }

    private String handleAt(String tableName, String school, long pupil) {
        long table = series.findByName(tableName).orElseThrow().id();
        return api.get(api.token(school), "/api/pupils/" + pupil + "?series=" + table, PupilView.class).handle();
    }

    private long pupil(String bsn) {
        return identities.findByBsn(bsn).orElseThrow().pupilId();
    }
}
