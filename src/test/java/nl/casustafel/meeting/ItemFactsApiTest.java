package nl.casustafel.meeting;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.absence.TestSql;
import nl.casustafel.platform.ClockFactory;
import nl.casustafel.privacy.PupilIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static nl.casustafel.meeting.MeetingFixtures.DIJKSTAD;
import static nl.casustafel.meeting.MeetingFixtures.DIJKSTAD_COLLEGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/meetings/{id}/items/{itemId}/facts}: the facts about the pupil under discussion at the
 * caller's level, from the covenant's verzuimoverleg cases. The school sees its pupil by name: absence per
 * month, signals, DUO reports, consents, open actions. Leerplicht sees the pupil under its alias until the
 * DUO report: the absence figures (the covenant's pseudonymous view includes them), never a DUO report, a
 * consent, a party's name or the pupil's name; after the DUO report, by name. Who does not take part gets
 * the same 404 as for an item that does not exist.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ItemFactsApiTest implements CasustafelTestProperties {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    MeetingFixtures fixtures;
    @Inject
    TestSql sql;
    @Inject
    io.micronaut.json.JsonMapper json;
    private ApiClient api;
    private String school, officer, otherSchool;
    private final List<Long> pupils = new ArrayList<>();

    @BeforeAll
    void signIn() {
        api = new ApiClient(http.toBlocking(), json);
        school = api.token("zorg.dijkstad");
        officer = api.token("leerplicht.dijkstad");
        otherSchool = api.token("zorg.veenhoven");
    }

    @AfterAll
    void cleanUp() {
        pupils.forEach(p -> sql.update("DELETE FROM absence_record WHERE pupil_id = " + p + " AND source_id LIKE 'FACTS-%'"));
        pupils.forEach(p -> sql.update("DELETE FROM duo_report WHERE pupil_id = " + p + " AND duo_reference LIKE 'FACTS-%'"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void factsFollowTheCallersLevelNameAliasOrNothing() {
        long pupil = fixtures.freshPupil(DIJKSTAD_COLLEGE, DIJKSTAD);
        pupils.add(pupil);
        PupilIdentity identity = fixtures.identity(pupil);
        LocalDate today = LocalDate.now(ClockFactory.AMSTERDAM);
        LocalDate lastMonth = today.minusMonths(1).withDayOfMonth(10);
        sql.update("INSERT INTO absence_record (school_id, source_id, pupil_id, absence_date, part_of_day, kind, hours, hour_unit) "
                + "SELECT school_id, 'FACTS-" + pupil + "', id, DATE '" + lastMonth + "', 'DAY', 'UNAUTHORISED', 6, 'LESSON_HOUR' "
                + "FROM pupil WHERE id = " + pupil);
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        long meeting = fixtures.planNextWeek(table).id();
        Map<String, Object> registered = http.toBlocking().retrieve(HttpRequest.POST("/api/meetings/" + meeting + "/agenda",
                Map.of("pupilId", pupil)).bearerAuth(school), JSON);
        long item = ((Number) ((Map<String, Object>) registered.get("item")).get("id")).longValue();
        long cjg = sql.query("SELECT id FROM party WHERE name = 'CJG Dijkstreek (JGZ)'", st -> {
            var rs = st.executeQuery();
            rs.next();
            return rs.getLong(1);
        });
        api.call(HttpRequest.POST("/api/pupils/" + pupil + "/consents", Map.of("partyId", cjg, "purpose", "VERZUIMOVERLEG",
                "categories", List.of("ABSENCE"), "givenByPupil", true, "givenByParent", true, "parentName", "Ouder",
                "method", "WRITTEN", "givenOn", today.toString())), school).body(201);
        api.call(HttpRequest.POST("/api/agenda-items/" + item + "/actions", Map.of("what", "Huisbezoek plannen",
                "ownerId", fixtures.viewer("leerplicht.dijkstad").userId(), "dueOn", today.plusDays(10).toString())), school).body(201);
        String facts = "/api/meetings/" + meeting + "/items/" + item + "/facts";

        // The school: by name, every fact.
        Map<String, Object> bySchool = api.get(school, facts, JSON);
        assertEquals("IDENTIFIED", ((Map<String, Object>) bySchool.get("pupil")).get("disclosure"));
        assertEquals(true, bySchool.get("absenceShown"));
        List<Map<String, Object>> months = (List<Map<String, Object>>) list(bySchool, "absence");
        assertTrue(months.stream().anyMatch(m -> lastMonth.toString().startsWith((String) m.get("month"))
                && ((Number) m.get("unauthorisedHours")).doubleValue() == 6.0), months.toString());
        List<Map<String, Object>> consents = (List<Map<String, Object>>) list(bySchool, "consents");
        assertEquals(1, consents.size(), consents.toString());
        assertEquals("CJG Dijkstreek (JGZ)", consents.getFirst().get("party"));
        assertEquals(1, list(bySchool, "openActions").size());

        // Leerplicht before the DUO report: the alias, the absence figures, no DUO report, consent, party or name.
        String raw = http.toBlocking().retrieve(HttpRequest.GET(facts).bearerAuth(officer));
        Map<String, Object> byOfficer = api.get(officer, facts, JSON);
        assertEquals("PSEUDONYMOUS", ((Map<String, Object>) byOfficer.get("pupil")).get("disclosure"));
        assertEquals(true, byOfficer.get("absenceShown"), "the covenant's pseudonymous view includes absence figures");
        assertFalse(list(byOfficer, "absence").isEmpty());
        assertTrue(list(byOfficer, "duoReports").isEmpty());
        assertTrue(list(byOfficer, "consents").isEmpty());
        for (String secret : List.of(identity.familyName(), identity.givenName(), fixtures.bsn(pupil), "CJG Dijkstreek",
                "\"id\":" + pupil, "\"school\"", "\"birthDate\"")) {
            assertFalse(raw.contains(secret), secret + " leaked under the alias: " + raw);
        }
        List<Map<String, Object>> officersActions = (List<Map<String, Object>>) list(byOfficer, "openActions");
        assertEquals("Huisbezoek plannen", officersActions.getFirst().get("what"), "the owner reads the action it carries out");

        // After the DUO report leerplicht sees the pupil by name, with the report.
        api.call(HttpRequest.POST("/api/pupils/" + pupil + "/duo-reports", Map.of("kind", "RELATIVE_16H",
                "reportedOn", today.toString(), "duoReference", "FACTS-" + pupil)), school).body(201);
        Map<String, Object> afterReport = api.get(officer, facts, JSON);
        assertEquals("IDENTIFIED", ((Map<String, Object>) afterReport.get("pupil")).get("disclosure"));
        List<Map<String, Object>> reports = (List<Map<String, Object>>) list(afterReport, "duoReports");
        assertEquals("FACTS-" + pupil, reports.getFirst().get("reference"));
        assertEquals(null, reports.getFirst().get("closedOn"), "open");

        // Not at the table, or no such item: one 404, the same body, nothing about the pupil.
        String notYours = notFound(otherSchool, facts);
        String none = notFound(school, "/api/meetings/" + meeting + "/items/" + (item + 1_000_000) + "/facts");
        String wrongMeeting = notFound(school, "/api/meetings/" + (meeting + 1_000_000) + "/items/" + item + "/facts");
        assertEquals(none, notYours);
        assertEquals(none, wrongMeeting);
        assertFalse(notYours.contains(identity.familyName()) || notYours.contains("FACTS"), notYours);
    }

    /** A list of the answer; the API leaves an empty list out. */
    private static List<?> list(Map<String, Object> answer, String key) {
        Object value = answer.get(key);
        return value == null ? List.of() : (List<?>) value;
    }

    private String notFound(String token, String uri) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(token), String.class), uri);
        assertEquals(404, e.getStatus().getCode(), uri);
        return e.getResponse().getBody(String.class).orElse("");
    }
}
