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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import static nl.casustafel.meeting.MeetingFixtures.DIJKSTAD;
import static nl.casustafel.meeting.MeetingFixtures.DIJKSTAD_COLLEGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pupil seen under an alias is referred to by a handle per table, never by its pupil number: the
 * same pupil at two tables cannot be linked through the API, nor an alias to a pupil seen by name
 * elsewhere; a handle works only at its own table, and a pupil number only for who sees the name.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PupilHandleApiTest implements CasustafelTestProperties {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    MeetingFixtures fixtures;
    private ApiClient api;
    private String school, officer, socialWorker;

    @BeforeAll
    void signIn() {
        api = new ApiClient(http.toBlocking());
        school = api.token("zorg.dijkstad");
        officer = api.token("leerplicht.dijkstad");
        socialWorker = api.token("smw.anker");
    }

    @Test
    void theSamePupilAtTwoTablesHasTwoUnlinkableHandlesAndNoPupilNumberUnderAnAlias() {
        long pupil = fixtures.freshPupil(DIJKSTAD_COLLEGE, DIJKSTAD);
        MeetingSeries first = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        MeetingSeries second = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        fixtures.addParticipant(second, "smw.anker");
        long firstMeeting = registeredAtNewMeeting(first, pupil);
        long secondMeeting = registeredAtNewMeeting(second, pupil);

        Map<String, Object> atFirst = onlyPupil(get(officer, "/api/meetings/" + firstMeeting));
        Map<String, Object> atSecond = onlyPupil(get(officer, "/api/meetings/" + secondMeeting));
        Map<String, Object> socialWorkerAtSecond = onlyPupil(get(socialWorker, "/api/meetings/" + secondMeeting));
        for (Map<String, Object> view : List.of(atFirst, atSecond, socialWorkerAtSecond)) {
            assertEquals("PSEUDONYMOUS", view.get("disclosure"));
            assertFalse(view.containsKey("id"), "no pupil number under an alias: " + view);
            assertFalse(view.containsKey("pupilId"), view.toString());
        }
        String handleAtFirst = (String) atFirst.get("handle");
        String handleAtSecond = (String) atSecond.get("handle");
        assertNotEquals(handleAtFirst, handleAtSecond, "one pupil at two tables: two handles");
        assertEquals(handleAtSecond, socialWorkerAtSecond.get("handle"), "one table, one handle, whoever looks");
        for (String handle : List.of(handleAtFirst, handleAtSecond)) {
            assertTrue(handle.matches("[a-p]{32}"), handle);
            assertNotEquals(String.valueOf(pupil), handle);
            assertFalse(handle.contains(String.valueOf(pupil)), handle + " contains the pupil number " + pupil);
        }

        // The raw answers of the pupil endpoint and of the case lists carry no pupil number either.
        String raw = http.toBlocking().retrieve(HttpRequest.GET("/api/pupils/" + handleAtFirst).bearerAuth(officer));
        assertFalse(raw.contains("\"id\""), raw);
        Map<String, Object> byHandle = get(officer, "/api/pupils/" + handleAtFirst);
        assertEquals(atFirst.get("alias"), byHandle.get("alias"));
        assertEquals(first.id(), ((Number) byHandle.get("seriesId")).longValue(), "the handle names its table");
        List<Map<String, Object>> officersTables = http.toBlocking().retrieve(HttpRequest.GET("/api/pupils/at-my-tables")
                .bearerAuth(officer), Argument.listOf(JSON));
        List<Map<String, Object>> ours = officersTables.stream()
                .filter(v -> List.of(handleAtFirst, handleAtSecond).contains(v.get("handle"))).toList();
        assertEquals(2, ours.size(), "the pupil on both case lists, each with its own handle");
        ours.forEach(v -> assertFalse(v.containsKey("id"), v.toString()));

        // The school sees the pupil by name: its number, and at a table the same handle as everyone there.
        Map<String, Object> bySchool = get(school, "/api/pupils/" + handleAtFirst);
        assertEquals("IDENTIFIED", bySchool.get("disclosure"));
        assertEquals(pupil, ((Number) bySchool.get("id")).longValue());
        assertEquals(handleAtFirst, bySchool.get("handle"));
        assertEquals("IDENTIFIED", get(school, "/api/pupils/" + pupil).get("disclosure"));
    }

    @Test
    void aHandleFromAnotherTableOrAPupilNumberUnderAnAliasIsNotFound() {
        long pupil = fixtures.freshPupil(DIJKSTAD_COLLEGE, DIJKSTAD);
        MeetingSeries first = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        MeetingSeries second = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        fixtures.addParticipant(second, "smw.anker");
        registeredAtNewMeeting(first, pupil);
        registeredAtNewMeeting(second, pupil);
        String handleAtFirst = fixtures.handle(first.id(), pupil);
        String handleAtSecond = fixtures.handle(second.id(), pupil);
        assertEquals(200, api.status(socialWorker, "/api/pupils/" + handleAtSecond));

        assertNotFoundWithoutData(socialWorker, "/api/pupils/" + handleAtFirst, handleAtFirst); // not at that table
        assertNotFoundWithoutData(officer, "/api/pupils/" + handleAtFirst + "?series=" + second.id(), handleAtFirst);
        assertNotFoundWithoutData(officer, "/api/pupils/" + pupil, handleAtFirst);
        assertNotFoundWithoutData(officer, "/api/pupils/" + pupil + "?series=" + first.id(), handleAtFirst);
        assertNotFoundWithoutData(socialWorker, "/api/pupils/" + pupil, handleAtSecond);
        assertNotFoundWithoutData(socialWorker, "/api/pupils/" + pupil + "/consents", handleAtSecond);
        assertNotFoundWithoutData(officer, "/api/pupils/" + pupil + "/duo-reports", handleAtFirst);
        assertNotFoundWithoutData(officer, "/api/pupils/not-a-handle", handleAtFirst);
        assertEquals(200, api.status(socialWorker, "/api/pupils/" + handleAtSecond + "/consents"),
                "at the table the handle is the way to the pupil");
    }

    private long registeredAtNewMeeting(MeetingSeries table, long pupil) {
        long meeting = fixtures.planNextWeek(table).id();
        Map<String, Object> registered = http.toBlocking().retrieve(HttpRequest.POST("/api/meetings/" + meeting + "/agenda",
                Map.of("pupilId", pupil)).bearerAuth(school), JSON);
        assertNotNull(registered.get("item"), registered.toString());
        return meeting;
    }

    private Map<String, Object> get(String token, String uri) {
        return api.get(token, uri, JSON);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyPupil(Map<String, Object> meeting) {
        List<Object> agenda = (List<Object>) meeting.get("agenda");
        assertEquals(1, agenda.size(), meeting.toString());
        return (Map<String, Object>) Objects.requireNonNull(((Map<String, Object>) agenda.getFirst()).get("pupil"));
    }

    private void assertNotFoundWithoutData(String token, String uri, String handle) {
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(token), String.class), uri);
        assertEquals(404, e.getStatus().getCode(), uri);
        String body = e.getResponse().getBody(String.class).orElse("");
        assertFalse(body.contains("Leerling ") || body.contains(handle) || body.contains("alias"), body);
        assertTrue(body.isEmpty() || body.contains("\"status\":404"), body);
    }
}
