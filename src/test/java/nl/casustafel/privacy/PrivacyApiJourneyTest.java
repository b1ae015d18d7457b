package nl.casustafel.privacy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.meeting.MeetingSeriesRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Journeys through the REST API with the tokens of the people at the verzuimoverleg and the thuiszitterstafel. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyApiJourneyTest implements CasustafelTestProperties {


    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    PupilIdentityRepository identities;
    @Inject
    MeetingSeriesRepository series;
    private ApiClient api;

    @BeforeAll
    void client() {
        api = new ApiClient(http.toBlocking());
    }

    @Test
    void officerSeesAliasUntilTheDuoReportThenTheNameAndTheLogShowsExactlyTheIdentifiedReads() {
        long pupil = pupilByBsn("283158839"); // Dijkstad College, lives in Dijkstad, on the verzuimoverleg
        String school = api.token("zorg.dijkstad");
        String officer = api.token("leerplicht.dijkstad");
        String privacyOfficer = api.token("fg");
        long logBefore = lastLogId(privacyOfficer);

        PupilView bySchool = api.get(school, "/api/pupils/" + pupil, PupilView.class);
        assertEquals(Disclosure.IDENTIFIED, bySchool.disclosure());
        assertEquals(pupil, bySchool.id());
        String handle = handleAtVerzuimoverleg(school, pupil);

        assertEquals(404, api.status(officer, "/api/pupils/" + pupil), "no pupil number for who sees only the alias");
        PupilView before = api.get(officer, "/api/pupils/" + handle, PupilView.class);
        assertEquals(Disclosure.PSEUDONYMOUS, before.disclosure());
        assertNull(before.id());
        assertEquals(handle, before.handle());
        assertEquals("Leerling 1", before.alias());
        assertNull(before.name());
        assertNull(before.birthDate());
        assertNull(before.bsn());
        assertNull(before.address());
        assertEquals("Gepseudonimiseerd: er is nog geen DUO-melding.", before.explanation());

        HttpResponse<Map> created = http.toBlocking().exchange(HttpRequest.POST("/api/pupils/" + pupil + "/duo-reports",
                Map.of("kind", "RELATIVE_16H", "reportedOn", LocalDate.now().minusDays(1).toString(), "duoReference", "DUO-TEST-0001"))
                .bearerAuth(school), Map.class);
        assertEquals(201, created.code());
        long reportId = ((Number) created.body().get("id")).longValue();

        PupilView after = api.get(officer, "/api/pupils/" + handle, PupilView.class);
        assertEquals(Disclosure.IDENTIFIED, after.disclosure());
        assertEquals(pupil, after.id(), "with the name comes the pupil number");
        assertEquals(Disclosure.IDENTIFIED, api.get(officer, "/api/pupils/" + pupil, PupilView.class).disclosure());
        assertEquals(bySchool.name(), after.name());
        assertEquals(new Basis(Basis.Kind.DUO_REPORT, reportId), after.basis());
        assertTrue(after.explanation().startsWith("Herkenbaar: DUO-melding DUO-TEST-0001"), after.explanation());

        List<Map<String, Object>> log = entries(privacyOfficer, "/api/access-log?pupilId=" + pupil).stream()
                .filter(e -> ((Number) e.get("id")).longValue() > logBefore).toList();
        assertEquals(List.of("leerplicht.dijkstad", "leerplicht.dijkstad", "zorg.dijkstad", "zorg.dijkstad"),
                log.stream().map(e -> e.get("username")).toList());
        assertEquals(List.of("DUO_REPORT", "DUO_REPORT", "ENROLMENT", "ENROLMENT"), log.stream().map(e -> e.get("basisKind")).toList());
        assertEquals(reportId, ((Number) log.getFirst().get("basisId")).longValue());
    }

    @Test
    void officerNotSwornForTheResidenceStaysPseudonymousAfterTheDuoReport() {
        long buitenleerling = pupilByBsn("243078353"); // Dijkstad College, lives in Veenhoven
        String school = api.token("zorg.dijkstad");
        http.toBlocking().exchange(HttpRequest.POST("/api/pupils/" + buitenleerling + "/duo-reports",
                Map.of("kind", "OTHER_RELATIVE", "reportedOn", LocalDate.now().minusDays(1).toString(), "duoReference", "DUO-TEST-0002"))
                .bearerAuth(school));

        String officer = api.token("leerplicht.dijkstad");
        assertEquals(404, api.status(officer, "/api/pupils/" + buitenleerling));
        PupilView dijkstad = api.get(officer, "/api/pupils/" + handleAtVerzuimoverleg(school, buitenleerling), PupilView.class);
        assertEquals(Disclosure.PSEUDONYMOUS, dijkstad.disclosure());
        assertNull(dijkstad.id());
        assertEquals("Gepseudonimiseerd: de leerling woont niet in een gemeente waarvoor u beëdigd bent.", dijkstad.explanation());
        assertFalse(dijkstad.explanation().contains("Veenhoven"), "the reason does not reveal where the pupil lives");

        PupilView veenhoven = api.get(api.token("leerplicht.veenhoven"), "/api/pupils/" + buitenleerling, PupilView.class);
        assertEquals(Disclosure.IDENTIFIED, veenhoven.disclosure());
        assertNotNull(veenhoven.bsn(), "the officer of the residence sees the BSN (Lpw art. 21a)");
    }

    @Test
    void bsnNeverReachesThePartnershipThroughTheApi() {
        long pupil = pupilByBsn("800941470"); // thuiszitterstafel, parents notified naming the SWV
        String swv = api.token("swv.coordinator");
        String body = http.toBlocking().retrieve(HttpRequest.GET("/api/pupils/" + pupil).bearerAuth(swv));
        PupilView view = api.get(swv, "/api/pupils/" + pupil, PupilView.class);
        assertEquals(Disclosure.IDENTIFIED, view.disclosure());
        assertNotNull(view.name());
        assertNull(view.bsn());
        assertFalse(body.contains("800941470"), "no BSN anywhere in the response");
        String tables = http.toBlocking().retrieve(HttpRequest.GET("/api/pupils/at-my-tables").bearerAuth(swv));
        assertFalse(tables.contains("800941470") || tables.contains("105892087") || tables.contains("489274213"));
    }

    @Test
    void privacyOfficerAndAdminGetNoPupil() {
        long pupil = pupilByBsn("283158839");
        assertEquals(403, api.status(api.token("fg"), "/api/pupils/" + pupil));
        assertEquals(403, api.status(api.token("beheer"), "/api/pupils/" + pupil));
    }

    @Test
    void onlyThePrivacyOfficerReadsTheAccessLog() {
        assertEquals(403, api.status(api.token("beheer"), "/api/access-log"));
        assertEquals(403, api.status(api.token("leerplicht.dijkstad"), "/api/access-log"));
        Map<?, ?> verification = api.get(api.token("fg"), "/api/access-log/verification", Map.class);
        assertEquals(true, verification.get("intact"));
    }

    private long lastLogId(String privacyOfficer) {
        List<Map<String, Object>> all = entries(privacyOfficer, "/api/access-log");
        return all.isEmpty() ? 0 : ((Number) all.getFirst().get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> entries(String privacyOfficer, String uri) {
        return (List<Map<String, Object>>) api.get(privacyOfficer, uri, Map.class).get("entries");
    }

    /** The pupil's handle at the demo verzuimoverleg, as the school (which sees the pupil by name) is told it. */
    private String handleAtVerzuimoverleg(String school, long pupil) {
        long table = series.findByName("Verzuimoverleg Dijkstad College").orElseThrow().id();
        String handle = api.get(school, "/api/pupils/" + pupil + "?series=" + table, PupilView.class).handle();
        assertNotNull(handle);
        return handle;
    }

    private long pupilByBsn(String bsn) {
        return identities.findByBsn(bsn).orElseThrow().pupilId();
    }
}
