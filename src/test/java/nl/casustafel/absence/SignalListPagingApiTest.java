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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: the signal work list is paged by what is read. The list is filtered, counted and sorted before any pupil
 * is read, so a request reads (and the access log records) only the pupils of its page, whatever the school's size;
 * the pages together are the whole list in its order, and {@code X-Total-Count} says how many there are. Nobody but
 * the school's own care coordinator gets the list or its count; bad paging is a 400.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignalListPagingApiTest implements CasustafelTestProperties {

    private static final Argument<List<Map<String, Object>>> ENTRIES = Argument.listOf(Argument.mapOf(String.class, Object.class));
    private static final String ON = "on=2026-11-25";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    io.micronaut.json.JsonMapper json;
    @Inject
    TestSql sql;
    private ApiClient api;
    private String dijkstad;

    @BeforeAll
    void signIn() {
        api = new ApiClient(http.toBlocking(), json);
        dijkstad = api.token("zorg.dijkstad");
    }

    private HttpResponse<List<Map<String, Object>>> page(String query) {
        return http.toBlocking().exchange(HttpRequest.GET("/api/absence-signals?" + ON + query).bearerAuth(dijkstad), ENTRIES);
    }

    @SuppressWarnings("unchecked")
    private static String label(Map<String, Object> entry) {
        return (String) ((Map<String, Object>) entry.get("pupil")).get("name");
    }

    private static long total(HttpResponse<?> response) {
        return Long.parseLong(response.header("X-Total-Count"));
    }

    private long logged() {
        // a pupil that other tests put on a table of this user is read "verzuimsignalen, <table>"
        return sql.query("SELECT count(*) FROM access_log WHERE username = 'zorg.dijkstad' AND context LIKE ?", st -> {
            st.setString(1, SignalWorkList.READ + "%");
            var rs = st.executeQuery();
            rs.next();
            return rs.getLong(1);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "&sort=pupil", "&sort=pupil&descending=true", "&sort=sick&descending=true", "&sort=duoReport",
            "&sort=schoolYear"})
    void pagesOfTwoTogetherAreTheWholeListInItsOrderAndTheTotalSaysHowMany(String sort) {
        HttpResponse<List<Map<String, Object>>> whole = page(sort + "&size=500");
        List<String> expected = whole.body().stream().map(SignalListPagingApiTest::label).toList();
        assertTrue(expected.size() >= 5, "the demo puts pupils of Dijkstad on the work list");
        assertEquals(expected.size(), total(whole));
        List<String> paged = new ArrayList<>();
        for (int page = 0; page <= expected.size() / 2; page++) {
            HttpResponse<List<Map<String, Object>>> response = page(sort + "&size=2&page=" + page);
            assertEquals(expected.size(), total(response), "every page says how many there are in all");
            assertTrue(response.body().size() <= 2);
            response.body().forEach(e -> paged.add(label(e)));
        }
        assertEquals(expected, paged, "the pages follow the whole list's order, each pupil once");
    }

    @Test
    void byPupilIsTheDutchOrderOfTheNames() {
        List<String> names = page("&sort=pupil&size=500").body().stream().map(SignalListPagingApiTest::label).toList();
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Collator.getInstance(Locale.of("nl", "NL")));
        assertEquals(sorted, names);
    }

    @Test
    void aPageReadsAndLogsOnlyItsOwnPupils() {
        long total = total(page("&size=1"));
        assertTrue(total >= 5);
        long before = logged();
        HttpResponse<List<Map<String, Object>>> two = page("&size=2&page=1");
        assertEquals(2, two.body().size());
        assertEquals(before + 2, logged(), "two pupils shown, two reads logged, not the " + total + " on the list");
        page("&size=500&page=1000");
        assertEquals(before + 2, logged(), "a page beyond the end reads nobody");
    }

    @Test
    void aFilterCountsOnlyWhatMatches() {
        HttpResponse<List<Map<String, Object>>> year = page("&schoolYear=2&size=500");
        assertEquals(year.body().size(), total(year));
        assertTrue(year.body().stream().allMatch(e -> Integer.valueOf(2).equals(((Map<?, ?>) e.get("pupil")).get("schoolYear"))));
        HttpResponse<List<Map<String, Object>>> without = page("&withoutDuoReport=true&size=500");
        assertEquals(without.body().size(), total(without));
        assertTrue(without.body().stream().allMatch(e -> e.get("openDuoReport") == null));
    }

    @Test
    void nobodyButTheOwnCareCoordinatorGetsTheListOrItsCount() {
        for (String user : List.of("leerplicht.dijkstad", "jgz.verpleegkundige", "swv.coordinator")) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                    HttpRequest.GET("/api/absence-signals?" + ON).bearerAuth(api.token(user)), ENTRIES));
            assertEquals(403, e.getStatus().getCode(), user);
            assertNull(e.getResponse().header("X-Total-Count"), user + " learns no count");
        }
        // another school's care coordinator asking for Dijkstad's school: 404, as a school that does not exist, and no count
        long dijkstadSchool = sql.query("SELECT id FROM school WHERE brin = '02CD'", st -> {
            var rs = st.executeQuery();
            rs.next();
            return rs.getLong(1);
        });
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.GET("/api/absence-signals?" + ON + "&school=" + dijkstadSchool).bearerAuth(api.token("zorg.regenboog")), ENTRIES));
        assertEquals(404, e.getStatus().getCode());
        assertNull(e.getResponse().header("X-Total-Count"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"&size=0", "&size=501", "&page=-1", "&size=abc", "&page=99999999999"})
    void badPagingIsA400Problem(String query) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> page(query));
        assertEquals(400, e.getStatus().getCode(), query);
    }
}
