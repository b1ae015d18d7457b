package nl.casustafel.meeting;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.account.Viewer;
import nl.casustafel.privacy.PupilIdentity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PUT/GET /api/meetings/{id}/attendance: the chair records who attended; participants read it; the
 * minutes list those present and those absent with notice, not every member of the table.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttendanceApiTest implements CasustafelTestProperties {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;
    @Inject
    MeetingFixtures fixtures;
    @Inject
    nl.casustafel.meeting.MeetingPlanning planning;
    @Inject
    nl.casustafel.meeting.AgendaRegistration registration;
    MeetingService meetings;
    @Inject
    MinutesService minutes;
    private ApiClient api;
    private Viewer chair;
    private Viewer officer;
    private Viewer otherOfficer;
    private Viewer nurse;

    @BeforeAll
    void setUp() {
        api = new ApiClient(http.toBlocking(), json);
        chair = fixtures.viewer("zorg.dijkstad");
        officer = fixtures.viewer("leerplicht.dijkstad");
        otherOfficer = fixtures.viewer("leerplicht.veenhoven");
        nurse = fixtures.viewer("jgz.verpleegkundige");
    }

    private long newMeeting() {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        return fixtures.planNextWeek(table).id();
    }

    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    /** One token per account for the whole class: each sign-in spends a second-factor time step. */
    private String token(String username) {
        return tokens.computeIfAbsent(username, api::token);
    }

    private ApiClient.Answer put(long meetingId, String username, Object body) {
        return api.call(HttpRequest.PUT("/api/meetings/" + meetingId + "/attendance", body), token(username));
    }

    private ApiClient.Answer get(long meetingId, String username) {
        return api.call(HttpRequest.GET("/api/meetings/" + meetingId + "/attendance"), token(username));
    }

    private static Map<String, Object> line(Viewer who, String presence) {
        return Map.of("userId", who.userId(), "presence", presence);
    }

    private static Map<Long, String> presenceById(List<Map<String, Object>> attendees) {
        Map<Long, String> byId = new java.util.HashMap<>();
        attendees.forEach(a -> byId.put(((Number) a.get("userId")).longValue(), (String) a.get("presence")));
        return byId;
    }

    @Test
    void theChairRecordsAttendanceAndTheMinutesListThosePresentAndExcused() {
        long meetingId = newMeeting();
        Minutes before = minutes.minutes(officer, meetingId);
        assertFalse(before.attendanceRecorded());
        assertTrue(before.participants().isEmpty(), "no member of the table is listed as if they attended");

        ApiClient.Answer saved = put(meetingId, "zorg.dijkstad", Map.of("attendance", List.of(
                line(chair, "PRESENT"), line(officer, "PRESENT"), line(nurse, "EXCUSED"), line(otherOfficer, "ABSENT"))));
        assertEquals(200, saved.status(), saved.raw());

        Map<Long, String> seen = presenceById(get(meetingId, "leerplicht.veenhoven").list());
        assertEquals("PRESENT", seen.get(chair.userId()));
        assertEquals("PRESENT", seen.get(officer.userId()));
        assertEquals("EXCUSED", seen.get(nurse.userId()));
        assertEquals("ABSENT", seen.get(otherOfficer.userId()));

        Minutes after = minutes.minutes(officer, meetingId);
        assertTrue(after.attendanceRecorded());
        assertEquals(List.of(chair.displayName(), officer.displayName()), after.present().stream().map(Minutes.Participant::name).toList());
        assertEquals(List.of(nurse.displayName()), after.excused().stream().map(Minutes.Participant::name).toList());

        PdfText pdf = PdfText.of(minutes.pdf(officer, meetingId).content());
        pdf.assertContains("Aanwezig");
        pdf.assertContains(chair.displayName() + " (voorzitter)");
        pdf.assertContains(officer.displayName());
        pdf.assertContains("Afwezig met kennisgeving: " + nurse.displayName());
        pdf.assertLacks(otherOfficer.displayName());
    }

    @Test
    void aParticipantLeftOutIsNotRecordedAndARecordingReplacesTheLastOne() {
        long meetingId = newMeeting();
        assertEquals(200, put(meetingId, "zorg.dijkstad", Map.of("attendance", List.of(line(officer, "PRESENT")))).status());
        assertEquals(200, put(meetingId, "zorg.dijkstad", Map.of("attendance", List.of(line(nurse, "PRESENT")))).status());
        Map<Long, String> seen = presenceById(get(meetingId, "zorg.dijkstad").list());
        assertNull(seen.get(officer.userId()), "replaced: not recorded any more");
        assertEquals("PRESENT", seen.get(nurse.userId()));
        assertTrue(seen.containsKey(officer.userId()), "still listed as a member of the table");
    }

    @Test
    void onlyTheChairRecords() {
        long meetingId = newMeeting();
        put(meetingId, "leerplicht.dijkstad", Map.of("attendance", List.of(line(officer, "PRESENT")))).assertProblem(403, null);
        assertNull(presenceById(get(meetingId, "zorg.dijkstad").list()).get(officer.userId()), "nothing written");
    }

    @Test
    void notYoursAndNoneAreTheSame404() {
        long meetingId = newMeeting();
        ApiClient.Answer notYours = get(meetingId, "zorg.regenboog");
        ApiClient.Answer none = get(999_999_999L, "zorg.regenboog");
        notYours.assertProblem(404, null);
        none.assertProblem(404, null);
        assertEquals(none.map().get("detail"), notYours.map().get("detail"));
        ApiClient.Answer putNotYours = put(meetingId, "zorg.regenboog", Map.of("attendance", List.of()));
        ApiClient.Answer putNone = put(999_999_999L, "zorg.regenboog", Map.of("attendance", List.of()));
        putNotYours.assertProblem(404, null);
        putNone.assertProblem(404, null);
        assertEquals(putNone.raw(), putNotYours.raw());
        assertEquals(403, api.status(token("fg"), "/api/meetings/" + meetingId + "/attendance"));
        assertEquals(401, api.status(null, "/api/meetings/" + meetingId + "/attendance"));
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        long meetingId = newMeeting();
        assertEquals(200, put(meetingId, "zorg.dijkstad", Map.of("attendance", List.of(line(officer, "PRESENT")))).status());
        Viewer stranger = fixtures.viewer("zorg.regenboog");
        put(meetingId, "zorg.dijkstad", Map.of("attendance", List.of(line(nurse, "PRESENT"), line(stranger, "PRESENT"))))
                .assertProblem(400, "attendance");
        put(meetingId, "zorg.dijkstad", Map.of("attendance", List.of(line(nurse, "PRESENT"), line(nurse, "ABSENT"))))
                .assertProblem(400, "attendance");
        put(meetingId, "zorg.dijkstad", Map.of("attendance", List.of(Map.of("userId", nurse.userId()))))
                .assertProblem(400, "attendance");
        put(meetingId, "zorg.dijkstad", Map.of()).assertProblem(400, "attendance");
        assertEquals(400, put(meetingId, "zorg.dijkstad", Map.of("attendance", List.of(line(nurse, "MAYBE")))).status());
        assertEquals(400, put(meetingId, "zorg.dijkstad", Map.of("attendance", "everyone")).status());
        Map<Long, String> seen = presenceById(get(meetingId, "zorg.dijkstad").list());
        assertEquals("PRESENT", seen.get(officer.userId()), "the earlier recording stands");
        assertNull(seen.get(nurse.userId()), "nothing half-written");
        assertFalse(seen.containsKey(stranger.userId()));
    }

    @Test
    void theAttendanceTellsAnOfficerWhoSeesThePupilUnderAnAliasNothingAboutThePupil() {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        long meetingId = fixtures.planNextWeek(table).id();
        long pupil = fixtures.freshPupil(MeetingFixtures.DIJKSTAD_COLLEGE, MeetingFixtures.DIJKSTAD);
        registration.register(chair, meetingId, AgendaRegistration.Registration.of(pupil));
        put(meetingId, "zorg.dijkstad", Map.of("attendance", List.of(line(officer, "PRESENT"))));
        PupilIdentity identity = fixtures.identity(pupil);
        String raw = get(meetingId, "leerplicht.dijkstad").raw();
        assertFalse(raw.contains(identity.familyName()), raw);
        assertFalse(raw.contains(fixtures.bsn(pupil)), raw);
        assertFalse(raw.contains(fixtures.handle(table.id(), pupil)), raw);
        assertFalse(raw.contains("Leerling"), raw);
    }
}
