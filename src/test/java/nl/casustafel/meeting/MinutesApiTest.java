package nl.casustafel.meeting;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.account.AccountService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/meetings/{id}/minutes.pdf: a PDF for a participant, a problem (never a PDF) for anyone else. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MinutesApiTest implements CasustafelTestProperties {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    MeetingService meetings;
    @Inject
    MeetingSeriesRepository series;
    @Inject
    AccountService accounts;
    private ApiClient api;
    private long meetingId;

    @BeforeAll
    void setUp() {
        api = new ApiClient(http.toBlocking());
        MeetingSeries table = series.findByName("Verzuimoverleg Dijkstad College").orElseThrow();
        meetingId = meetings.myMeetings(accounts.viewer("zorg.dijkstad").orElseThrow()).stream()
                .filter(m -> m.seriesId().equals(table.id())).findFirst().orElseThrow().id();
    }

    @Test
    void aParticipantDownloadsThePdf() {
        HttpResponse<byte[]> response = http.toBlocking().exchange(
                HttpRequest.GET(uri()).bearerAuth(api.token("leerplicht.dijkstad")), byte[].class);
        assertEquals(200, response.code());
        assertEquals("application/pdf", response.getContentType().orElseThrow().getName());
        String disposition = response.header(HttpHeaders.CONTENT_DISPOSITION);
        assertNotNull(disposition);
        assertTrue(disposition.matches("attachment; filename=\"notulen-\\d{4}-\\d{2}-\\d{2}\\.pdf\""), disposition);
        byte[] body = response.body();
        assertNotNull(body);
        assertTrue(new String(body, 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        PdfText.of(body).assertContains("Notulen Verzuimoverleg");
    }

    @Test
    void someoneWhoDoesNotTakePartGetsAProblemNeverAPdf() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.GET(uri()).bearerAuth(api.token("zorg.regenboog")), String.class));
        assertEquals(404, refused.getStatus().getCode(), "one answer for a meeting that is not the caller's and one that does not exist");
        assertEquals("application/problem+json", refused.getResponse().getContentType().orElseThrow().getName());
        String body = refused.getResponse().getBody(String.class).orElse("");
        assertFalse(body.startsWith("%PDF"), "no document");
        assertTrue(body.contains("Dit bestaat niet, of u mag het niet zien."), body);
        HttpClientResponseException none = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.GET("/api/meetings/999999999/minutes.pdf").bearerAuth(api.token("zorg.regenboog")), String.class));
        assertEquals(404, none.getStatus().getCode());
        assertEquals(body, none.getResponse().getBody(String.class).orElse(""), "the same problem, word for word");
    }

    @Test
    void governanceRolesAndAnonymousCallersAreTurnedAway() {
        assertEquals(403, api.status(api.token("fg"), uri()));
        assertEquals(403, api.status(api.token("beheer"), uri()));
        assertEquals(401, api.status(null, uri()));
    }

    @Test
    void anUnknownMeetingIsAProblemToo() {
        assertEquals(404, api.status(api.token("leerplicht.dijkstad"), "/api/meetings/999999999/minutes.pdf"));
    }

    private String uri() {
        return "/api/meetings/" + meetingId + "/minutes.pdf";
    }
}
