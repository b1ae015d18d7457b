package nl.casustafel.absence;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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

import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A school's administration system pushes absence records with its care coordinator's token. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbsenceApiTest implements CasustafelTestProperties {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TestSql sql;
    private ApiClient api;

    @BeforeAll
    void client() {
        api = new ApiClient(http.toBlocking());
    }

    private static Map<String, Object> record(String id, String brin, String bsn, int hour) {
        return Map.of("recordId", id, "brin", brin, "bsn", bsn, "date", "2026-11-09", "lessonHour", hour,
                "kind", "ONGEOORLOOFD", "hours", 1, "reasonCode", "ONG");
    }

    @Test
    void aSchoolTokenCannotPushRecordsForAnotherSchoolsPupils() {
        String veenhoven = api.token("zorg.veenhoven");
        // 243078353 is a pupil of Dijkstad College (02CD); Veenhoven Lyceum is 03EF
        for (Map<String, Object> foreign : List.of(record("API-X1", "02CD", "243078353", 7), record("API-X2", "03EF", "243078353", 7))) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                    HttpRequest.POST("/api/absence-records", Map.of("records", List.of(record("API-X0", "03EF", "489274213", 8), foreign)))
                            .bearerAuth(veenhoven), Map.class));
            assertEquals(400, e.getStatus().getCode());
            Map<?, ?> problem = e.getResponse().getBody(Map.class).orElseThrow();
            List<?> errors = (List<?>) problem.get("errors");
            assertEquals(1, errors.size());
            assertEquals("records[1]", ((Map<?, ?>) errors.getFirst()).get("field"));
        }
        assertEquals(0, count("API-X%"), "nothing written, not even the valid record");
    }

    @Test
    void aBatchIsStoredOnceWhateverTimesItIsPushed() {
        String dijkstad = api.token("zorg.dijkstad");
        Map<String, Object> batch = Map.of("records", List.of(record("API-1", "02CD", "243078353", 8), record("API-2", "02CD", "243078353", 9)));
        HttpResponse<Map<String, Object>> first = http.toBlocking().exchange(HttpRequest.POST("/api/absence-records", batch).bearerAuth(dijkstad),
                Argument.mapOf(String.class, Object.class));
        assertEquals(2, ((Number) first.body().get("added")).intValue());
        HttpResponse<Map<String, Object>> again = http.toBlocking().exchange(HttpRequest.POST("/api/absence-records", batch).bearerAuth(dijkstad),
                Argument.mapOf(String.class, Object.class));
        assertEquals(0, ((Number) again.body().get("added")).intValue());
        assertEquals(2, ((Number) again.body().get("unchanged")).intValue());
        assertEquals(2, count("API-_"));
    }

    @Test
    void onlyCareCoordinatorsPushAndTheWorkListShowsSignals() {
        assertEquals(403, api.status(api.token("leerplicht.dijkstad"), "/api/absence-signals"));
        List<Map<String, Object>> list = api.get(api.token("zorg.dijkstad"), "/api/absence-signals?on=2026-11-25", Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertTrue(list.size() >= 5, "the demo file puts pupils on the work list");
    }

    private long count(String pattern) {
        return sql.query("SELECT count(*) FROM absence_record WHERE source_id LIKE ?", s -> {
            s.setString(1, pattern);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
