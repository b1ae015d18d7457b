package nl.casustafel.meeting;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.absence.TestSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.LongFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 10, finding e: meeting, agenda-item and action endpoints answer "not yours" exactly as they answer
 * "none" (same status, same problem, word for word), so that a caller outside the table cannot probe
 * which meetings, items and actions exist, nor learn from the order of checks (a closed meeting, a bad
 * field) that an item is real. The caller is a school's care coordinator who does not sit at the demo
 * verzuimoverleg of another school; every request carries a valid body, so only existence could differ.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingNotFoundApiTest implements CasustafelTestProperties {

    private static final long NONE = 987_654_321L;

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TestSql sql;
    @Inject
    io.micronaut.json.JsonMapper json;
    private ApiClient api;
    private String outsider;
    private long meetingId, itemId, actionId;

    @BeforeAll
    void setUp() {
        api = new ApiClient(http.toBlocking(), json);
        outsider = api.token("zorg.regenboog");
        meetingId = id("""
                SELECT m.id FROM meeting m JOIN meeting_series ms ON ms.id = m.series_id
                 WHERE ms.name = 'Verzuimoverleg Dijkstad College' ORDER BY m.id LIMIT 1""");
        itemId = id("""
                SELECT i.id FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id JOIN meeting_series ms ON ms.id = m.series_id
                 WHERE ms.name = 'Verzuimoverleg Dijkstad College' ORDER BY i.id LIMIT 1""");
        actionId = id("""
                SELECT a.id FROM meeting_action a JOIN meeting_series ms ON ms.id = a.series_id
                 WHERE ms.name = 'Verzuimoverleg Dijkstad College' ORDER BY a.id LIMIT 1""");
    }

    private long id(String query) {
        return sql.query(query, statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : NONE - 1;
            }
        });
    }

    private static final Map<String, LongFunction<MutableHttpRequest<?>>> REQUESTS = Map.ofEntries(
            Map.entry("meeting", id -> HttpRequest.GET("/api/meetings/" + id)),
            Map.entry("open", id -> HttpRequest.POST("/api/meetings/" + id + "/open", Map.of())),
            Map.entry("close", id -> HttpRequest.POST("/api/meetings/" + id + "/close", Map.of())),
            Map.entry("cancel", id -> HttpRequest.POST("/api/meetings/" + id + "/cancel", Map.of())),
            Map.entry("move", id -> HttpRequest.POST("/api/meetings/" + id + "/move",
                    Map.of("startsAt", LocalDate.now().plusDays(30) + "T10:00:00Z"))),
            Map.entry("minutes", id -> HttpRequest.GET("/api/meetings/" + id + "/minutes.pdf")),
            Map.entry("notes", id -> HttpRequest.GET("/api/agenda-items/" + id + "/notes")),
            Map.entry("addNote", id -> HttpRequest.POST("/api/agenda-items/" + id + "/notes", Map.of("text", "Een notitie."))),
            Map.entry("outcome", id -> HttpRequest.PUT("/api/agenda-items/" + id + "/outcome", Map.of("outcome", "Uitkomst", "version", 0))),
            Map.entry("addAction", id -> HttpRequest.POST("/api/agenda-items/" + id + "/actions",
                    Map.of("what", "Bellen", "ownerId", 1, "dueOn", LocalDate.now().plusDays(7).toString()))),
            Map.entry("done", id -> HttpRequest.POST("/api/actions/" + id + "/done", Map.of())));

    @ParameterizedTest
    @ValueSource(strings = {"meeting", "open", "close", "cancel", "move", "minutes", "notes", "addNote", "outcome", "addAction", "done"})
    void notYoursAnswersAsNone(String endpoint) {
        long existing = switch (endpoint) {
            case "notes", "addNote", "outcome", "addAction" -> itemId;
            case "done" -> actionId;
            default -> meetingId;
        };
        ApiClient.Answer notYours = api.call(REQUESTS.get(endpoint).apply(existing), outsider);
        ApiClient.Answer none = api.call(REQUESTS.get(endpoint).apply(NONE), outsider);
        assertEquals(404, notYours.status(), notYours.raw());
        assertEquals(none.status(), notYours.status());
        assertEquals(none.raw(), notYours.raw(), "the same problem, word for word");
    }
}
