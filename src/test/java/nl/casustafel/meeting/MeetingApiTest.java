package nl.casustafel.meeting;

import nl.casustafel.privacy.PupilIdentity;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.ApiClient.Answer;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.platform.ClockFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static nl.casustafel.meeting.MeetingFixtures.DIJKSTAD;
import static nl.casustafel.meeting.MeetingFixtures.DIJKSTAD_COLLEGE;
import static nl.casustafel.meeting.MeetingFixtures.VEENHOVEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The meetings API with the tokens of the people at the tables: what each sees, and what is refused. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingApiTest implements CasustafelTestProperties {

    /** Staff family names of the demo region: a pupil sharing one would make a name check meaningless. */
    private static final Set<String> STAFF = Set.of("Vries", "Amrani", "Bakker", "Jansen", "Yilmaz", "Smit", "Mulder", "Visser",
            "Boer", "Meijer", "Dijk", "Hendriks", "Kok");

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;
    @Inject
    MeetingFixtures fixtures;
    @Inject
    SchoolDays schoolDays;
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
    void theOfficerSeesAliasesWithoutNamesOrBirthDatesUntilADuoReport() throws IOException {
        long table = fixtures.demoTable(MeetingFixtures.VERZUIMOVERLEG).id();
        Answer planned = api.call(HttpRequest.POST("/api/series/" + table + "/meetings",
                Map.of("startsAt", nextWeek().toString(), "location", "Lokaal 2.04")), school);
        assertEquals(201, planned.status(), planned.raw());
        assertEquals("Verzuimoverleg Dijkstad College", planned.body().get("seriesName"));
        assertEquals("VERZUIMOVERLEG", planned.body().get("type"));
        assertEquals("PLANNED", planned.body().get("status"));
        assertEquals(true, planned.body().get("chairedByMe"));
        long meeting = id(planned.body());

        List<String> taken = new ArrayList<>();
        long withoutReport = distinctPupil(DIJKSTAD, taken);
        long buitenleerling = distinctPupil(VEENHOVEN, taken);
        long reported = distinctPupil(DIJKSTAD, taken);
        Answer duo = api.call(HttpRequest.POST("/api/pupils/" + reported + "/duo-reports", Map.of("kind", "RELATIVE_16H",
                "reportedOn", LocalDate.now(ClockFactory.AMSTERDAM).toString(), "duoReference", "DUO-API-MTG-1")), school);
        assertEquals(201, duo.status(), duo.raw());
        for (long pupil : List.of(withoutReport, buitenleerling, reported)) {
            Answer registered = api.call(HttpRequest.POST("/api/meetings/" + meeting + "/agenda", Map.of("pupilId", pupil)), school);
            assertEquals(201, registered.status(), registered.raw());
            assertEquals(List.of(), list(registered.body(), "warnings"), "no warnings; empty lists are left out of the JSON");
            assertEquals("IDENTIFIED", map(registered.body().get("pupil")).get("disclosure"));
        }

        Answer seen = api.call(HttpRequest.GET("/api/meetings/" + meeting), officer);
        assertEquals(200, seen.status(), seen.raw());
        Map<Long, Map<String, Object>> pupils = pupilsOnAgenda(seen);
        assertEquals(Set.of(withoutReport, buitenleerling, reported), pupils.keySet());
        for (long alias : List.of(withoutReport, buitenleerling)) {
            Map<String, Object> pupil = pupils.get(alias);
            assertEquals("PSEUDONYMOUS", pupil.get("disclosure"));
            assertTrue(String.valueOf(pupil.get("alias")).startsWith("Leerling "), pupil.toString());
            assertNull(pupil.get("name"));
            assertNull(pupil.get("birthDate"));
        }
        assertEquals("IDENTIFIED", pupils.get(reported).get("disclosure"));
        assertEquals(fixtures.identity(reported).fullName(), pupils.get(reported).get("name"));
        assertNoIdentityOfPseudonymousPupils(seen);

        // The demo meeting of the same table, whatever other tests did to its pupils meanwhile.
        long demoMeeting = meetingsOf(officer).stream()
                .filter(m -> id(m) != meeting && ((Number) m.get("seriesId")).longValue() == table).map(MeetingApiTest::id)
                .filter(m -> !pupilsOnAgenda(api.call(HttpRequest.GET("/api/meetings/" + m), officer)).isEmpty())
                .findFirst().orElseThrow();
        Answer demo = api.call(HttpRequest.GET("/api/meetings/" + demoMeeting), officer);
        assertEquals(200, demo.status(), demo.raw());
        assertFalse(pupilsOnAgenda(demo).isEmpty());
        assertNoIdentityOfPseudonymousPupils(demo);
    }

    @Test
    void wrongRolesAndPeopleNotAtTheTableGetAProblemAndNoData() throws IOException {
        long table = fixtures.demoTable(MeetingFixtures.VERZUIMOVERLEG).id();
        // The demo meeting: the table's meeting with the demo's cases on its agenda (other tests may plan more).
        Map<String, Object> listed = meetingsOf(officer).stream()
                .filter(m -> ((Number) m.get("seriesId")).longValue() == table)
                .filter(m -> !pupilsOnAgenda(api.call(HttpRequest.GET("/api/meetings/" + id(m)), school)).isEmpty())
                .findFirst().orElseThrow();
        assertEquals("Verzuimoverleg Dijkstad College", listed.get("seriesName"));
        assertEquals("VERZUIMOVERLEG", listed.get("type"));
        assertNotNull(Instant.parse((String) listed.get("startsAt")));
        assertEquals(false, listed.get("chairedByMe"));
        long meeting = id(listed);
        Answer detail = api.call(HttpRequest.GET("/api/meetings/" + meeting), school);
        long item = id(map(map(((List<?>) detail.body().get("agenda")).getFirst()).get("item")));

        assertProblem(api.call(HttpRequest.GET("/api/meetings/" + meeting), api.token("fg")), 403, null);
        assertProblem(api.call(HttpRequest.GET("/api/meetings"), api.token("beheer")), 403, null);
        assertProblem(api.call(HttpRequest.GET("/api/actions/mine"), api.token("fg")), 403, null);
        assertProblem(api.call(HttpRequest.GET("/api/meetings/" + meeting), null), 401, null);

        String otherSchool = api.token("zorg.veenhoven");
        // not at the table: one 404, as for a meeting or item that does not exist (MeetingNotFoundApiTest)
        assertProblem(api.call(HttpRequest.GET("/api/meetings/" + meeting), otherSchool), 404, null);
        assertProblem(api.call(HttpRequest.GET("/api/meetings/" + meeting), api.token("jgz.arts")), 404, null);
        assertProblem(api.call(HttpRequest.GET("/api/agenda-items/" + item + "/notes"), otherSchool), 404, null);
        assertProblem(api.call(HttpRequest.POST("/api/agenda-items/" + item + "/notes", Map.of("text", "Ik kijk even mee.")), otherSchool),
                404, null);
        assertProblem(api.call(HttpRequest.POST("/api/meetings/" + meeting + "/agenda",
                Map.of("pupilId", fixtures.freshPupil(DIJKSTAD_COLLEGE, DIJKSTAD))), api.token("smw.anker")), 404, null);
        assertProblem(api.call(HttpRequest.POST("/api/series/" + table + "/meetings", Map.of("startsAt", nextWeek().toString())), officer),
                400, "seriesId");
        assertProblem(api.call(HttpRequest.POST("/api/meetings/" + meeting + "/open", Map.of()), officer), 400, "seriesId");
        assertProblem(api.call(HttpRequest.GET("/api/meetings/999999"), officer), 404, null);
    }

    @Test
    void aMeetingFromPlanningThroughTheLiveSessionToTheFollowUpAtTheNextOne() throws IOException {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        LocalDate today = LocalDate.now(ClockFactory.AMSTERDAM);
        long meeting = id(ok(201, api.call(HttpRequest.POST("/api/series/" + table.id() + "/meetings",
                Map.of("startsAt", nextWeek().toString())), school)));
        Map<String, Object> moved = ok(200, api.call(HttpRequest.POST("/api/meetings/" + meeting + "/move",
                Map.of("startsAt", nextWeek().plus(1, ChronoUnit.DAYS).toString())), school));
        assertEquals(nextWeek().plus(1, ChronoUnit.DAYS), Instant.parse((String) moved.get("startsAt")));
        assertEquals(table.location(), moved.get("location"), "the table's room unless another is given");

        long pupil = fixtures.freshPupil(DIJKSTAD_COLLEGE, DIJKSTAD);
        assertProblem(api.call(HttpRequest.POST("/api/meetings/" + meeting + "/agenda", Map.of()), school), 400, "pupilId");
        Map<String, Object> registered = ok(201, api.call(HttpRequest.POST("/api/meetings/" + meeting + "/agenda", Map.of("pupilId", pupil)),
                school));
        long item = id(map(registered.get("item")));

        // Live: the chair opens the meeting and leads it through the agenda.
        Map<String, Object> opened = ok(200, api.call(HttpRequest.POST("/api/meetings/" + meeting + "/open", Map.of()), school));
        assertEquals("OPEN", opened.get("status"));
        assertEquals(item, ((Number) opened.get("currentItemId")).longValue());
        assertEquals(item, ((Number) ok(200, api.call(HttpRequest.POST("/api/meetings/" + meeting + "/current", Map.of("itemId", item)),
                school)).get("currentItemId")).longValue());
        assertProblem(api.call(HttpRequest.POST("/api/meetings/" + meeting + "/current", Map.of("itemId", 999999)), school), 400, "itemId");

        // Notes: the officer's under the alias is shared; the school's under the name is not shown to the officer.
        Map<String, Object> officersNote = ok(201, api.call(HttpRequest.POST("/api/agenda-items/" + item + "/notes",
                Map.of("text", "Leerplicht belt de ouders.")), officer));
        assertEquals("PSEUDONYMOUS", officersNote.get("writtenUnder"));
        assertEquals("Gemeente Dijkstad", officersNote.get("party"));
        Map<String, Object> schoolsNote = ok(201, api.call(HttpRequest.POST("/api/agenda-items/" + item + "/notes",
                Map.of("text", "Broer zit in 4 havo; mentor is op de hoogte.")), school));
        assertEquals("IDENTIFIED", schoolsNote.get("writtenUnder"));
        assertEquals(List.of(id(officersNote), id(schoolsNote)), ids(api.call(HttpRequest.GET("/api/agenda-items/" + item + "/notes"), school)));
        Answer officersNotes = api.call(HttpRequest.GET("/api/agenda-items/" + item + "/notes"), officer);
        assertEquals(List.of(id(officersNote)), ids(officersNotes));
        assertFalse(officersNotes.raw().contains("Broer"), officersNotes.raw());

        // Outcome: saved once from version 0; a second save from version 0 is refused on the field.
        long officerId = fixtures.viewer("leerplicht.dijkstad").userId();
        Map<String, Object> saved = ok(200, api.call(HttpRequest.PUT("/api/agenda-items/" + item + "/outcome",
                Map.of("version", 0, "outcome", "School meldt bij DUO; leerplicht volgt op.", "caseManagerId", officerId)), school));
        assertEquals(1, ((Number) map(saved.get("item")).get("version")).intValue());
        assertEquals("School meldt bij DUO; leerplicht volgt op.", map(saved.get("item")).get("outcome"));
        assertProblem(api.call(HttpRequest.PUT("/api/agenda-items/" + item + "/outcome", Map.of("version", 0, "outcome", "Afwachten.")),
                school), 400, "outcome");
        assertProblem(api.call(HttpRequest.PUT("/api/agenda-items/" + item + "/outcome", Map.of("outcome", "Afwachten.")), school),
                400, "version");

        // Actions: a general one for the officer, and the school's DUO report within 3 school days.
        Map<String, Object> visit = ok(201, api.call(HttpRequest.POST("/api/agenda-items/" + item + "/actions", Map.of("what",
                "Huisbezoek afleggen", "ownerId", officerId, "dueOn", today.plusDays(14).toString())), school));
        assertEquals("GENERAL", visit.get("kind"));
        assertEquals("Peter Jansen", visit.get("owner"));
        Map<String, Object> report = ok(201, api.call(HttpRequest.POST("/api/agenda-items/" + item + "/actions", Map.of("what",
                "Verzuim melden bij DUO", "ownerId", fixtures.viewer("zorg.dijkstad").userId(), "kind", "DUO_REPORT")), school));
        assertEquals(schoolDays.plus(today, 3).toString(), report.get("dueOn"));
        assertEquals(false, report.get("overdue"));

        // What the officer, who sees the alias, sees of this item.
        Map<String, Object> byOfficer = ok(200, api.call(HttpRequest.GET("/api/meetings/" + meeting), officer));
        Map<String, Object> entry = map(((List<?>) byOfficer.get("agenda")).getFirst());
        assertEquals("PSEUDONYMOUS", map(entry.get("pupil")).get("disclosure"));
        assertNull(map(entry.get("item")).get("outcome"), "written seeing the name");
        assertNull(map(entry.get("item")).get("registeredBy"));
        assertEquals(2, list(byOfficer, "actions").size());

        assertEquals("CLOSED", ok(200, api.call(HttpRequest.POST("/api/meetings/" + meeting + "/close", Map.of()), school)).get("status"));

        // The next meeting carries both open actions over.
        long next = id(ok(201, api.call(HttpRequest.POST("/api/series/" + table.id() + "/meetings/next", Map.of()), school)));
        Map<String, Object> nextBySchool = ok(200, api.call(HttpRequest.GET("/api/meetings/" + next), school));
        assertEquals(List.of(), list(nextBySchool, "agenda"));
        assertEquals(Set.of(id(visit), id(report)), Set.copyOf(ids(list(nextBySchool, "carriedOver"))));
        Map<Long, Map<String, Object>> forOfficer = byId(list(ok(200, api.call(HttpRequest.GET("/api/meetings/" + next), officer)), "carriedOver"));
        assertEquals("Huisbezoek afleggen", forOfficer.get(id(visit)).get("what"), "the officer owns it");
        assertNull(forOfficer.get(id(report)).get("what"), "written by the school about a pupil the officer sees under an alias");
        assertEquals("DUO_REPORT", forOfficer.get(id(report)).get("kind"));
        assertEquals("PSEUDONYMOUS", map(forOfficer.get(id(visit)).get("pupil")).get("disclosure"));
        Map<Long, Map<String, Object>> forNurse = byId(list(ok(200, api.call(HttpRequest.GET("/api/meetings/" + next), nurse)), "carriedOver"));
        assertNull(forNurse.get(id(visit)).get("what"));

        assertTrue(ids(ok(200, api.call(HttpRequest.GET("/api/actions/mine"), officer))).contains(id(visit)));
        assertProblem(api.call(HttpRequest.POST("/api/actions/" + id(visit) + "/done", Map.of()), school), 400, "actionId");
        assertProblem(api.call(HttpRequest.POST("/api/actions/" + id(report) + "/done", Map.of()), school), 400, "actionId");
        assertEquals(today.toString(), ok(200, api.call(HttpRequest.POST("/api/actions/" + id(visit) + "/done", Map.of()), officer)).get("doneOn"));
        assertFalse(ids(ok(200, api.call(HttpRequest.GET("/api/actions/mine"), officer))).contains(id(visit)));
        ok(201, api.call(HttpRequest.POST("/api/pupils/" + pupil + "/duo-reports", Map.of("kind", "OTHER_RELATIVE",
                "reportedOn", today.toString(), "duoReference", "DUO-API-MTG-2")), school));
        assertEquals(List.of(), list(ok(200, api.call(HttpRequest.GET("/api/meetings/" + next), school)), "carriedOver"));

        assertEquals("CANCELLED", ok(200, api.call(HttpRequest.POST("/api/meetings/" + next + "/cancel", Map.of()), school)).get("status"));
        assertProblem(api.call(HttpRequest.POST("/api/meetings/" + next + "/move", Map.of("startsAt", nextWeek().toString())), school),
                400, "meetingId");
    }

    // ---------------------------------------------------------------- helpers

    /** Every pseudonymous pupil in the answer: its family name, birth date and BSN appear nowhere in the raw JSON. */
    private void assertNoIdentityOfPseudonymousPupils(Answer answer) {
        Map<Long, Map<String, Object>> pupils = pupilsOnAgenda(answer);
        List<String> namesShown = pupils.values().stream().filter(p -> p.get("name") != null).map(p -> (String) p.get("name")).toList();
        int checked = 0;
        for (Map.Entry<Long, Map<String, Object>> pupil : pupils.entrySet()) {
            if (!"PSEUDONYMOUS".equals(pupil.getValue().get("disclosure"))) {
                continue;
            }
            PupilIdentity identity = fixtures.identity(pupil.getKey());
            assertFalse(answer.raw().contains(fixtures.bsn(pupil.getKey())), answer.raw());
            assertFalse(answer.raw().contains(identity.birthDate().toString()), "birth date of " + pupil.getValue().get("alias"));
            assertFalse(answer.raw().contains(identity.fullName()), "name of " + pupil.getValue().get("alias"));
            if (namesShown.stream().noneMatch(n -> n.contains(identity.familyName()))) {
                assertFalse(answer.raw().contains(identity.familyName()), "family name of " + pupil.getValue().get("alias"));
            }
            checked++;
        }
        assertTrue(checked > 0, "no pseudonymous pupil in " + answer.raw());
    }

    private long distinctPupil(String residence, List<String> taken) {
        long id = fixtures.freshPupil(DIJKSTAD_COLLEGE, residence, identity -> !taken.contains(identity.familyName())
                && STAFF.stream().noneMatch(identity.familyName()::contains));
        taken.add(fixtures.identity(id).familyName());
        return id;
    }

    /**
     * The pupils on the agenda by pupil number: from {@code id} for those seen by name, from the handle
     * (looked up in the database) for those seen under an alias, whose JSON carries no pupil number.
     */
    private Map<Long, Map<String, Object>> pupilsOnAgenda(Answer answer) {
        Map<Long, Map<String, Object>> pupils = new HashMap<>();
        for (Object entry : list(answer.body(), "agenda")) {
            Map<String, Object> pupil = map(map(entry).get("pupil"));
            String handle = (String) pupil.get("handle");
            assertNotNull(handle, "every pupil at a table has a handle: " + pupil);
            if ("PSEUDONYMOUS".equals(pupil.get("disclosure"))) {
                assertFalse(pupil.containsKey("id"), "no pupil number under an alias: " + pupil);
                long pupilId = fixtures.pupilOfHandle(handle);
                assertFalse(handle.contains(String.valueOf(pupilId)), handle);
                pupils.put(pupilId, pupil);
            } else {
                pupils.put(id(pupil), pupil);
            }
        }
        return pupils;
    }

    private List<Map<String, Object>> meetingsOf(String token) {
        return api.get(token, "/api/meetings", Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    private static Instant nextWeek() {
        return LocalDate.now(ClockFactory.AMSTERDAM).plusDays(8).atTime(15, 30).atZone(ClockFactory.AMSTERDAM).toInstant();
    }

    private static Map<String, Object> ok(int status, Answer answer) {
        return answer.body(status);
    }

    private static void assertProblem(Answer answer, int status, String field) {
        answer.assertProblem(status, field);
        for (String data : List.of("Leerling ", "\"agenda\"", "\"pupil\"", "birthDate")) {
            assertFalse(answer.raw().contains(data), "data in a problem: " + answer.raw());
        }
    }

    /** A list member of a JSON object; Micronaut Serde leaves empty lists out. */
    private static List<?> list(Map<String, Object> body, String member) {
        Object value = body.get(member);
        return value == null ? List.of() : (List<?>) value;
    }

    private static List<Long> ids(Answer answer) {
        return ids(answer.body().get("list"));
    }

    private static List<Long> ids(Map<String, Object> listBody) {
        return ids(list(listBody, "list"));
    }

    private static List<Long> ids(Object list) {
        return ((List<?>) list).stream().map(e -> id(map(e))).toList();
    }

    private static Map<Long, Map<String, Object>> byId(Object list) {
        Map<Long, Map<String, Object>> byId = new HashMap<>();
        ((List<?>) list).forEach(e -> byId.put(id(map(e)), map(e)));
        return byId;
    }

    private static long id(Map<?, ?> node) {
        return ((Number) node.get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }
}
