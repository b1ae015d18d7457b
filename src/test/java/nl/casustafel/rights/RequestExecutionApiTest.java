package nl.casustafel.rights;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.platform.ClockFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static nl.casustafel.rights.RightsApi.assertProblem;
import static nl.casustafel.rights.RightsApi.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Carrying out granted requests (issue 11, item 5): rectification, erasure, restriction, objection, extension, portability. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestExecutionApiTest implements CasustafelTestProperties {

    private static final String URI = "/api/data-subject-requests";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;
    @Inject
    RightsFixtures fixtures;
    private RightsApi api;
    private final Map<String, String> tokens = new HashMap<>();
    private String chair;
    private LocalDate today;

    @BeforeAll
    void signIn() {
        ApiClient client = new ApiClient(http.toBlocking());
        for (String user : List.of("zorg.dijkstad", "leerplicht.dijkstad", "jgz.verpleegkundige", "zorg.veenhoven")) {
            tokens.put(user, client.token(user));
        }
        chair = tokens.get("zorg.dijkstad");
        api = new RightsApi(http, json);
        today = LocalDate.now(ClockFactory.AMSTERDAM);
    }

    @AfterAll
    void cleanUp() {
        fixtures.cleanUp();
    }

    private long register(long table, long pupil, String kind) {
        Map<String, Object> body = Map.of("series", table, "pupil", String.valueOf(pupil), "kind", kind, "requestedBy", "PARENT",
                "receivedOn", today.toString());
        return ((Number) ok(201, api.call(HttpRequest.POST(URI, body), chair)).map().get("id")).longValue();
    }

    private long granted(long table, long pupil, String kind) {
        long id = register(table, pupil, kind);
        ok(200, api.call(HttpRequest.POST(URI + "/" + id + "/decision", Map.of("status", "GRANTED")), chair));
        return id;
    }

    private ApiClient.Answer execute(long request, Map<String, Object> body) {
        return api.call(HttpRequest.POST(URI + "/" + request + "/execution", body), chair);
    }

    private String overviewJson(long access) {
        return ok(200, api.call(HttpRequest.GET(URI + "/" + access + "/overview"), chair)).raw();
    }

    private String overviewPdf(long access) throws IOException {
        var pdf = http.toBlocking().exchange(HttpRequest.GET(URI + "/" + access + "/overview.pdf").bearerAuth(chair), byte[].class);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private String minutesPdf(long meeting) throws IOException {
        var pdf = http.toBlocking().exchange(HttpRequest.GET("/api/meetings/" + meeting + "/minutes.pdf").bearerAuth(chair), byte[].class);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private long schoolNote(long item) {
        return fixtures.count("SELECT id FROM agenda_note WHERE item_id = ? AND category = 'SUPPORT'", item);
    }

    private long action(long item, long table, String what) {
        return fixtures.insert("""
                INSERT INTO meeting_action (series_id, meeting_id, item_id, pupil_id, what, owner_id, due_on, created_by)
                SELECT ?, i.meeting_id, i.id, i.pupil_id, ?, u.id, current_date + 7, u.id
                  FROM agenda_item i, user_account u WHERE i.id = ? AND u.username = 'zorg.dijkstad' RETURNING id
                """, table, what, item);
    }

    private long accessLog() {
        return fixtures.count("SELECT count(*) FROM access_log");
    }

    @Test
    void aGrantedErasureRemovesTheDatumFromEveryPlaceItWasShownButNotTheAccessLog() throws IOException {
        long table = fixtures.table();
        long pupil = fixtures.pupilAt(table, today.minusYears(14));
        fixtures.consent(pupil, "E. Ouder");
        long item = fixtures.discussedWithHealthNote(table, pupil, "gezondheid-wis-" + pupil, "schoolnotitie-wis-" + pupil);
        long meeting = fixtures.count("SELECT meeting_id FROM agenda_item WHERE id = ?", item);
        long action = action(item, table, "actie-wis-" + pupil);
        long access = register(table, pupil, "ACCESS");
        assertTrue(overviewJson(access).contains("schoolnotitie-wis-" + pupil));
        assertTrue(overviewPdf(access).contains("schoolnotitie-wis-" + pupil));
        assertTrue(minutesPdf(meeting).contains("actie-wis-" + pupil), "the minutes show the action before");
        long logBefore = accessLog();
        long logRowsOfPupil = fixtures.count("SELECT count(*) FROM access_log WHERE pupil_id = ?", pupil);

        long erasure = granted(table, pupil, "ERASURE");
        Map<String, Object> note = Map.of("target", "NOTE", "targetId", schoolNote(item));
        Map<String, Object> preview = ok(200, api.call(HttpRequest.POST(URI + "/" + erasure + "/execution/preview", note), chair)).map();
        assertTrue(preview.get("changes").toString().contains("wordt verwijderd"), preview.toString());
        assertEquals(1, fixtures.count("SELECT count(*) FROM agenda_note WHERE item_id = ? AND category = 'SUPPORT'", item),
                "a preview writes nothing");
        Map<String, Object> done = ok(200, execute(erasure, note)).map();
        assertEquals(today.toString(), done.get("executedOn"));

        assertEquals(0, fixtures.count("SELECT count(*) FROM agenda_note WHERE item_id = ? AND category = 'SUPPORT'", item),
                "gone from storage");
        assertFalse(overviewJson(access).contains("schoolnotitie-wis-" + pupil), "gone from the access overview");
        assertFalse(overviewPdf(access).contains("schoolnotitie-wis-" + pupil), "gone from the access overview PDF");
        String targets = ok(200, api.call(HttpRequest.GET(URI + "/" + erasure + "/targets"), chair)).raw();
        assertFalse(targets.contains("schoolnotitie-wis-" + pupil), "gone from the case content");

        long second = granted(table, pupil, "ERASURE");
        ok(200, execute(second, Map.of("target", "ACTION", "targetId", action)));
        assertFalse(minutesPdf(meeting).contains("actie-wis-" + pupil), "gone from the minutes");
        assertFalse(overviewJson(access).contains("actie-wis-" + pupil));

        assertTrue(accessLog() >= logBefore, "the access log only grows");
        assertTrue(fixtures.count("SELECT count(*) FROM access_log WHERE pupil_id = ?", pupil) >= logRowsOfPupil,
                "no access log row of the pupil is removed");
        assertEquals(2, fixtures.count("SELECT count(*) FROM data_correction WHERE pupil_id = ? AND kind = 'ERASURE'", pupil));
        String notices = ok(200, api.call(HttpRequest.GET("/api/correction-notices"), chair)).raw();
        assertTrue(notices.contains("is verwijderd"), "the school that provided the note is told: " + notices);
        assertFalse(notices.contains("schoolnotitie-wis-"), "a notice never holds the datum");
    }

    @Test
    void aRectificationChangesTheDatumEverywhereKeepsNoOldValueAndTellsTheProvider() throws IOException {
        long table = fixtures.table();
        long pupil = fixtures.pupilAt(table, today.minusYears(14));
        fixtures.consent(pupil, "R. Ouder");
        long item = fixtures.discussedWithHealthNote(table, pupil, "gezondheid-rect-" + pupil, "oud-rect-" + pupil);
        long access = register(table, pupil, "ACCESS");

        long note = granted(table, pupil, "RECTIFICATION");
        ok(200, execute(note, Map.of("target", "NOTE", "targetId", schoolNote(item), "value", "nieuw-rect-" + pupil)));
        long name = granted(table, pupil, "RECTIFICATION");
        ok(200, execute(name, Map.of("target", "PUPIL", "field", "FAMILY_NAME", "value", "Verbeterd")));

        String overview = overviewJson(access);
        assertTrue(overview.contains("nieuw-rect-" + pupil) && overview.contains("Verbeterd"), overview);
        assertFalse(overview.contains("oud-rect-" + pupil), "the old value is nowhere");
        assertFalse(overviewPdf(access).contains("oud-rect-" + pupil));
        assertTrue(overviewPdf(access).contains("nieuw-rect-" + pupil));
        Map<String, Object> page = ok(200, api.call(HttpRequest.GET("/api/pupils/" + pupil + "?series=" + table), chair)).map();
        assertEquals(RightsFixtures.GIVEN_NAME + " Verbeterd", page.get("name"), "the pupil page data");
        assertEquals(0, fixtures.count("SELECT count(*) FROM data_subject_request WHERE pupil_id = ? AND "
                + "(summary LIKE '%oud-rect%' OR motivation LIKE '%oud-rect%')", pupil));
        assertEquals(2, fixtures.count("SELECT count(*) FROM data_correction WHERE pupil_id = ? AND kind = 'RECTIFICATION'", pupil));
        assertTrue(ok(200, api.call(HttpRequest.GET("/api/correction-notices"), chair)).raw().contains("Achternaam"));
    }

    @Test
    void badInputIsADutchProblemAndWritesNothing() {
        long table = fixtures.table();
        long pupil = fixtures.pupilAt(table, today.minusYears(14));
        long item = fixtures.discussedWithHealthNote(table, pupil, "gezondheid-fout-" + pupil, "fout-" + pupil);
        long note = schoolNote(item);
        long open = register(table, pupil, "ERASURE");
        assertProblem(execute(open, Map.of("target", "NOTE", "targetId", note)), 400, "status");

        long erasure = granted(table, pupil, "ERASURE");
        assertProblem(execute(erasure, Map.of()), 400, "target");
        assertProblem(execute(erasure, Map.of("target", "PUPIL", "field", "FAMILY_NAME")), 400, "target");
        assertEquals(404, execute(erasure, Map.of("target", "NOTE", "targetId", 999_999_999L)).status());
        long other = fixtures.pupilAt(table, today.minusYears(13));
        long otherItem = fixtures.discussedWithHealthNote(table, other, "gezondheid-ander-" + other, "ander-" + other);
        assertEquals(404, execute(erasure, Map.of("target", "NOTE", "targetId", schoolNote(otherItem))).status(),
                "a datum of another pupil is not found");

        long rect = granted(table, pupil, "RECTIFICATION");
        assertProblem(execute(rect, Map.of("target", "NOTE", "targetId", note, "value", " ")), 400, "value");
        assertProblem(execute(rect, Map.of("target", "PUPIL", "field", "BIRTH_DATE", "value", "31-02-2012")), 400, "value");
        assertProblem(execute(rect, Map.of("target", "PUPIL", "field", "POSTAL_CODE", "value", "ABCD")), 400, "value");
        assertEquals(1, fixtures.count("SELECT count(*) FROM agenda_note WHERE id = ? AND text = ?", note, "fout-" + pupil));
        assertEquals(0, fixtures.count("SELECT count(*) FROM data_correction WHERE pupil_id = ?", pupil), "nothing half-written");
        assertEquals(0, fixtures.count("SELECT count(*) FROM data_subject_request WHERE pupil_id = ? AND executed_on IS NOT NULL", pupil));

        ok(200, execute(erasure, Map.of("target", "NOTE", "targetId", note)));
        assertProblem(execute(erasure, Map.of("target", "NOTE", "targetId", note)), 400, "status");
        // Not the chair: the officer at the table gets a 403, whoever does not sit there a 404.
        assertEquals(403, api.call(HttpRequest.POST(URI + "/" + rect + "/execution", Map.of()), tokens.get("leerplicht.dijkstad")).status());
        assertEquals(404, api.call(HttpRequest.POST(URI + "/" + rect + "/execution", Map.of()), tokens.get("zorg.veenhoven")).status());
    }

    /** Who sees the pupil by name at the table: the school always, leerplicht on its DUO report, the JGZ nurse on consent. */
    private Map<String, Boolean> identifiedAtTable(long table, long pupil) {
        Map<String, Boolean> seen = new HashMap<>();
        for (String user : List.of("zorg.dijkstad", "leerplicht.dijkstad", "jgz.verpleegkundige")) {
            ApiClient.Answer answer = api.call(HttpRequest.GET("/api/pupils/" + pupil + "?series=" + table), tokens.get(user));
            seen.put(user, answer.status() == 200 && "IDENTIFIED".equals(answer.map().get("disclosure")));
        }
        return seen;
    }

    @Test
    void restrictionWithholdsThePupilAtTablesExceptFromTheSchoolUntilLifted() {
        long table = fixtures.table();
        long pupil = fixtures.pupilAt(table, today.minusYears(14));
        fixtures.duoReport(pupil, "DUO-BEPERK-" + pupil);
        fixtures.consent(pupil, "B. Ouder");
        assertEquals(Map.of("zorg.dijkstad", true, "leerplicht.dijkstad", true, "jgz.verpleegkundige", true), identifiedAtTable(table, pupil));

        long restriction = granted(table, pupil, "RESTRICTION");
        ok(200, execute(restriction, Map.of()));
        assertEquals(Map.of("zorg.dijkstad", true, "leerplicht.dijkstad", false, "jgz.verpleegkundige", false), identifiedAtTable(table, pupil));
        assertEquals(1, fixtures.count("SELECT count(*) FROM pupil_identity WHERE pupil_id = ?", pupil), "kept stored");

        Map<String, Object> lifted = ok(200, api.call(HttpRequest.POST(URI + "/" + restriction + "/lift", Map.of()), chair)).map();
        assertEquals(today.toString(), lifted.get("liftedOn"));
        assertEquals(Map.of("zorg.dijkstad", true, "leerplicht.dijkstad", true, "jgz.verpleegkundige", true), identifiedAtTable(table, pupil));
        assertProblem(api.call(HttpRequest.POST(URI + "/" + restriction + "/lift", Map.of()), chair), 400, "status");
    }

    @Test
    void objectionStopsConsentBasedPartiesWhileLegalBasesContinue() {
        long table = fixtures.table();
        long pupil = fixtures.pupilAt(table, today.minusYears(14));
        fixtures.duoReport(pupil, "DUO-BEZWAAR-" + pupil);
        fixtures.consent(pupil, "O. Ouder");
        long objection = granted(table, pupil, "OBJECTION");
        ok(200, execute(objection, Map.of()));
        assertEquals(Map.of("zorg.dijkstad", true, "leerplicht.dijkstad", true, "jgz.verpleegkundige", false), identifiedAtTable(table, pupil));
    }

    @Test
    void theAnswerPeriodIsExtendedOnceByTwoMonthsWithReasons() {
        long table = fixtures.table();
        long pupil = fixtures.pupilAt(table, today.minusYears(14));
        long request = register(table, pupil, "ACCESS");
        assertProblem(api.call(HttpRequest.POST(URI + "/" + request + "/extension", Map.of("reason", " ")), chair), 400, "reason");
        Map<String, Object> extended = ok(200, api.call(HttpRequest.POST(URI + "/" + request + "/extension",
                Map.of("reason", "Complex verzoek; meerdere partijen leveren gegevens aan.")), chair)).map();
        assertEquals(today.plusMonths(3).toString(), extended.get("dueOn"));
        assertEquals(today.toString(), extended.get("extendedOn"));
        assertProblem(api.call(HttpRequest.POST(URI + "/" + request + "/extension", Map.of("reason", "nog eens")), chair), 400, "status");
    }

    @Test
    void portabilityExportsOnlyConsentBasedData() {
        long table = fixtures.table();
        long pupil = fixtures.pupilAt(table, today.minusYears(14));
        fixtures.consent(pupil, "D. Ouder");
        fixtures.discussedWithHealthNote(table, pupil, "gezondheid-port-" + pupil, "school-port-" + pupil);
        long request = granted(table, pupil, "PORTABILITY");
        ApiClient.Answer export = ok(200, api.call(HttpRequest.GET(URI + "/" + request + "/export.json"), chair));
        assertFalse(export.raw().contains("school-port-" + pupil), "enrolment-based content is not ported: " + export.raw());
        assertTrue(export.raw().contains("CJG Dijkstreek (JGZ)"), "the consent-based note is named: " + export.raw());
        assertFalse(export.raw().contains("gezondheid-port-" + pupil), "but its text stays with the CJG, as the kernel decides");
        ApiClient.Answer csv = api.call(HttpRequest.GET(URI + "/" + request + "/export.csv"), chair);
        assertEquals(200, csv.status());
        assertTrue(csv.raw().startsWith("soort;datum;tafel"), csv.raw());
        long access = register(table, pupil, "ACCESS");
        assertProblem(api.call(HttpRequest.GET(URI + "/" + access + "/export.json"), chair), 400, "kind");
    }
}
