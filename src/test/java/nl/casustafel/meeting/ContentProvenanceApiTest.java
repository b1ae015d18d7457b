package nl.casustafel.meeting;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.ApiClient.Answer;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.covenant.PartyRepository;
import nl.casustafel.platform.ClockFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static nl.casustafel.meeting.MeetingFixtures.DIJKSTAD;
import static nl.casustafel.meeting.MeetingFixtures.DIJKSTAD_COLLEGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finding a (covenant art. 3.4c, N6): the youth nurse, seeing a pupil by name under consent, writes
 * health findings; once the school records a DUO report the attendance officer sees the pupil by name
 * too, but reads neither the note's text nor its author, only that there is a note he may not read and
 * why. The nurse reads it; the school only when the consent's scope names it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentProvenanceApiTest implements CasustafelTestProperties {

    private static final String FINDINGS = "buikpijnklachten, huisarts betrokken";
    private static final String CJG = "CJG Dijkstreek (JGZ)";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;
    @Inject
    MeetingFixtures fixtures;
    @Inject
    PartyRepository parties;
    private ApiClient api;
    private String school, officer, nurse;

    @BeforeAll
    void signIn() {
        api = new ApiClient(http.toBlocking(), json);
        school = api.token("zorg.dijkstad");
        officer = api.token("leerplicht.dijkstad");
        nurse = api.token("jgz.verpleegkundige");
    }

    @Test
    void theOfficerIdentifiedByTheDuoReportDoesNotReadTheNursesHealthFindings() {
        Case c = caseWithHealthConsent(List.of());

        Answer written = api.call(HttpRequest.POST("/api/agenda-items/" + c.item + "/notes",
                Map.of("text", FINDINGS, "category", "HEALTH")), nurse);
        assertEquals(201, written.status(), written.raw());
        assertEquals("HEALTH", written.body().get("category"));
        assertEquals("CONSENT", written.body().get("writerBasis"));
        assertEquals("IDENTIFIED", written.body().get("writtenUnder"));
        recordDuoReport(c.pupil, "DUO-PROV-1");

        Map<String, Object> entry = entryOf(c, officer);
        assertEquals("IDENTIFIED", map(entry.get("pupil")).get("disclosure"), "the DUO report is the officer's basis for the name");
        Answer notes = api.call(HttpRequest.GET("/api/agenda-items/" + c.item + "/notes"), officer);
        assertEquals(200, notes.status(), notes.raw());
        assertEquals(List.of(), notes.list());
        assertFalse(notes.raw().contains("buikpijn"), notes.raw());
        assertFalse(notes.raw().contains(displayName("jgz.verpleegkundige")), notes.raw());
        List<Map<String, Object>> withheld = list(entry, "withheld");
        assertEquals(1, withheld.size(), entry.toString());
        assertEquals("1 notitie van " + CJG + " — alleen zichtbaar met toestemming voor gezondheidsgegevens", withheld.getFirst().get("text"));
        assertEquals(CJG, withheld.getFirst().get("party"));
        assertEquals(1, ((Number) withheld.getFirst().get("count")).intValue());
        String meeting = api.call(HttpRequest.GET("/api/meetings/" + c.meeting), officer).raw();
        assertFalse(meeting.contains("buikpijn") || meeting.contains(displayName("jgz.verpleegkundige")), meeting);

        Answer nursesNotes = api.call(HttpRequest.GET("/api/agenda-items/" + c.item + "/notes"), nurse);
        assertEquals(List.of(FINDINGS), nursesNotes.list().stream().map(n -> n.get("text")).toList());
        assertEquals(CJG, nursesNotes.list().getFirst().get("party"));

        Answer schoolsNotes = api.call(HttpRequest.GET("/api/agenda-items/" + c.item + "/notes"), school);
        assertEquals(List.of(), schoolsNotes.list(), "the consent's scope does not name the school");
        assertEquals(1, list(entryOf(c, school), "withheld").size());
    }

    @Test
    void theSchoolReadsTheFindingsWhenTheConsentsScopeNamesItAndCoversHealth() {
        long schoolParty = fixtures.viewer("zorg.dijkstad").partyId();
        Case c = caseWithHealthConsent(List.of(schoolParty));
        assertEquals(201, api.call(HttpRequest.POST("/api/agenda-items/" + c.item + "/notes",
                Map.of("text", FINDINGS, "category", "HEALTH")), nurse).status());
        recordDuoReport(c.pupil, "DUO-PROV-2");

        assertEquals(List.of(FINDINGS), api.call(HttpRequest.GET("/api/agenda-items/" + c.item + "/notes"), school).list().stream()
                .map(n -> n.get("text")).toList());
        assertEquals(List.of(), list(entryOf(c, school), "withheld"));
        assertEquals(List.of(), api.call(HttpRequest.GET("/api/agenda-items/" + c.item + "/notes"), officer).list(),
                "the scope names the school, not the municipality");
    }

    @Test
    void aBadCategoryOrHealthWithoutConsentIsRefusedInDutchAndNothingIsWritten() {
        Case c = caseWithHealthConsent(List.of());
        api.call(HttpRequest.POST("/api/agenda-items/" + c.item + "/notes", Map.of("text", "Iets", "category", "ZIEKTE")), nurse)
                .assertProblem(400, "category");
        Answer health = api.call(HttpRequest.POST("/api/agenda-items/" + c.item + "/notes",
                Map.of("text", "Moeder vertelt over een opname", "category", "HEALTH")), school);
        health.assertProblem(400, "category");
        assertTrue(health.raw().contains("Gezondheidsgegevens"), health.raw());
        assertEquals(List.of(), api.call(HttpRequest.GET("/api/agenda-items/" + c.item + "/notes"), school).list());

        Answer byDefault = api.call(HttpRequest.POST("/api/agenda-items/" + c.item + "/notes", Map.of("text", "Gesprek met mentor gepland.")), school);
        assertEquals(201, byDefault.status(), byDefault.raw());
        assertEquals("SUPPORT", byDefault.body().get("category"), "the school's default category");
        assertEquals("ENROLMENT", byDefault.body().get("writerBasis"));
        Answer nursesDefault = api.call(HttpRequest.POST("/api/agenda-items/" + c.item + "/notes", Map.of("text", "Contact met huisarts.")), nurse);
        assertEquals("HEALTH", nursesDefault.body().get("category"), "JGZ under a consent covering health");
    }

    // ---------------------------------------------------------------- set-up

    private record Case(long meeting, long pupil, long item) {
    }

    /** A pupil on a new verzuimoverleg, with consent for the CJG covering HEALTH (scope: {@code sharedWith}), no DUO report yet. */
    private Case caseWithHealthConsent(List<Long> sharedWith) {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        long meeting = fixtures.planNextWeek(table).id();
        long pupil = fixtures.freshPupil(DIJKSTAD_COLLEGE, DIJKSTAD);
        Answer registered = api.call(HttpRequest.POST("/api/meetings/" + meeting + "/agenda", Map.of("pupilId", pupil)), school);
        assertEquals(201, registered.status(), registered.raw());
        long item = ((Number) map(registered.body().get("item")).get("id")).longValue();
        Map<String, Object> consent = new HashMap<>(Map.of("partyId", parties.findByName(CJG).orElseThrow().id(), "purpose", "VERZUIMOVERLEG",
                "categories", List.of("IDENTITY", "ABSENCE", "HEALTH"), "givenByPupil", true, "givenByParent", true,
                "parentName", "M. Ouder", "method", "WRITTEN", "givenOn", LocalDate.now(ClockFactory.AMSTERDAM).toString()));
        consent.put("sharedWith", sharedWith);
        Answer recorded = api.call(HttpRequest.POST("/api/pupils/" + pupil + "/consents", consent), school);
        assertEquals(201, recorded.status(), recorded.raw());
        assertEquals("PSEUDONYMOUS", map(entryOf(new Case(meeting, pupil, item), officer).get("pupil")).get("disclosure"),
                "before the DUO report the officer sees the alias");
        return new Case(meeting, pupil, item);
    }

    private void recordDuoReport(long pupil, String reference) {
        Answer duo = api.call(HttpRequest.POST("/api/pupils/" + pupil + "/duo-reports", Map.of("kind", "RELATIVE_16H",
                "reportedOn", LocalDate.now(ClockFactory.AMSTERDAM).toString(), "duoReference", reference + "-" + pupil)), school);
        assertEquals(201, duo.status(), duo.raw());
    }

    private Map<String, Object> entryOf(Case c, String token) {
        Answer detail = api.call(HttpRequest.GET("/api/meetings/" + c.meeting), token);
        assertEquals(200, detail.status(), detail.raw());
        return list(detail.body(), "agenda").stream().filter(e -> ((Number) map(e.get("item")).get("id")).longValue() == c.item)
                .findFirst().orElseThrow();
    }

    private String displayName(String username) {
        return fixtures.viewer(username).displayName();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> body, String field) {
        Object value = body.get(field);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
