package nl.casustafel.pupil;

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
import nl.casustafel.absence.TestSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: the pupil list is paged instead of capped, and says how many pupils match in all (header
 * {@code X-Total-Count}), so that a large school's list is never silently incomplete. The total counts only the
 * caller's own school, as the kernel shows it; bad paging parameters are a 400, never a 500.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PupilListPagingApiTest implements CasustafelTestProperties {

    private static final Argument<List<Map<String, Object>>> PUPILS = Argument.listOf(Argument.mapOf(String.class, Object.class));

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    io.micronaut.json.JsonMapper json;
    @Inject
    TestSql sql;
    private String dijkstad;

    @BeforeAll
    void signIn() {
        dijkstad = new ApiClient(http.toBlocking(), json).token("zorg.dijkstad");
    }

    private HttpResponse<List<Map<String, Object>>> page(String token, String query) {
        return http.toBlocking().exchange(HttpRequest.GET("/api/pupils" + query).bearerAuth(token), PUPILS);
    }

    private static long total(HttpResponse<?> response) {
        return Long.parseLong(response.header("X-Total-Count"));
    }

    private long pupilsOfSchool(String brin) {
        return sql.query("SELECT count(*) FROM pupil p JOIN school s ON s.id = p.school_id WHERE s.brin = '" + brin + "'", st -> {
            var rs = st.executeQuery();
            rs.next();
            return rs.getLong(1);
        });
    }

    @Test
    void pagesTogetherHoldEveryPupilOfTheOwnSchoolOnceInNameOrderAndTheTotalSaysHowMany() {
        long expected = pupilsOfSchool("02CD");
        List<Long> seen = new ArrayList<>();
        long total = -1;
        for (int page = 0; page < 100; page++) {
            HttpResponse<List<Map<String, Object>>> response = page(dijkstad, "?size=25&page=" + page);
            total = total(response);
            List<Map<String, Object>> pupils = response.body();
            assertTrue(pupils.size() <= 25, "a page holds at most its size");
            pupils.forEach(p -> seen.add(((Number) p.get("id")).longValue()));
            if (pupils.size() < 25) {
                break;
            }
        }
        assertEquals(expected, total, "the total is the number of pupils of the own school");
        assertEquals(expected, seen.size(), "paging through reaches every pupil");
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no pupil twice");
        List<Long> unpaged = page(dijkstad, "").body().stream().map(p -> ((Number) p.get("id")).longValue()).toList();
        assertEquals(unpaged.subList(0, Math.min(unpaged.size(), seen.size())), seen.subList(0, Math.min(unpaged.size(), seen.size())),
                "the pages follow the list's own order");
    }

    @Test
    void aFilterCountsOnlyWhatMatchesAndAPageBeyondTheEndIsEmpty() {
        HttpResponse<List<Map<String, Object>>> year2 = page(dijkstad, "?schoolYear=2&size=500");
        assertEquals(year2.body().size(), total(year2), "all of leerjaar 2 on one page: the total is its length");
        assertTrue(year2.body().stream().allMatch(p -> Integer.valueOf(2).equals(p.get("schoolYear"))));
        HttpResponse<List<Map<String, Object>>> beyond = page(dijkstad, "?size=500&page=1000");
        assertTrue(beyond.body().isEmpty());
        assertEquals(pupilsOfSchool("02CD"), total(beyond));
        HttpResponse<List<Map<String, Object>>> nobody = page(dijkstad, "?name=zzzqqq");
        assertEquals(0, total(nobody));
    }

    @Test
    void anotherSchoolsCoordinatorCountsOnlyItsOwnPupils() {
        String regenboog = new ApiClient(http.toBlocking(), json).token("zorg.regenboog");
        HttpResponse<List<Map<String, Object>>> response = page(regenboog, "?size=1");
        long own = sql.query("""
                SELECT count(*) FROM pupil p WHERE p.school_id IN (SELECT s.id FROM school s JOIN user_account u ON u.username = 'zorg.regenboog'
                 JOIN user_school us ON us.user_id = u.id AND us.school_id = s.id)""", st -> {
            var rs = st.executeQuery();
            rs.next();
            return rs.getLong(1);
        });
        assertEquals(own, total(response));
    }

    @ParameterizedTest
    @ValueSource(strings = {"?size=0", "?size=501", "?page=-1", "?size=abc", "?page=99999999999"})
    void badPagingIsA400Problem(String query) {
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> page(dijkstad, query));
        assertEquals(400, e.getStatus().getCode(), query);
    }
}
