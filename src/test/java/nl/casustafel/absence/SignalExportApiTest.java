package nl.casustafel.absence;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.CasustafelTestProperties;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.StringReader;
import java.sql.ResultSet;
import java.text.Collator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSV export of the signal work list: the own school only, names only where seen by name, logged as reads. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignalExportApiTest implements CasustafelTestProperties {

    private static final String ON = "on=2026-11-25"; // the demo export runs up to 24 November 2026
    private static final String PURPOSE = "export verzuimsignalen (CSV)";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TestSql sql;
    @Inject
    JsonMapper json;
    private ApiClient api;

    @BeforeAll
    void client() {
        api = new ApiClient(http.toBlocking(), json);
    }

    @Test
    void theSchoolExportsItsWorkListWithDutchHeadersAndEveryNamedPupilIsLogged() throws IOException {
        String token = api.token("zorg.dijkstad");
        List<Map<String, Object>> list = api.get(token, "/api/absence-signals?" + ON, Argument.listOf(Argument.mapOf(String.class, Object.class)));
        long loggedBefore = logged("zorg.dijkstad");

        ApiClient.Answer answer = api.call(HttpRequest.GET("/api/absence-signals/export?" + ON), token);

        assertEquals(200, answer.status());
        assertTrue(answer.contentType().startsWith("text/csv"), answer.contentType());
        List<CSVRecord> rows = parse(answer.raw());
        assertEquals(SignalExport.HEADERS, rows.getFirst().toList());
        assertEquals(list.size(), rows.size() - 1, "one line per pupil on the work list");
        Set<String> names = list.stream().map(e -> (String) pupil(e).get("name")).collect(Collectors.toSet());
        assertTrue(rows.stream().skip(1).allMatch(r -> names.contains(r.get(0))), "every pupil by the name the school sees");
        assertEquals(list.size(), logged("zorg.dijkstad") - loggedBefore, "each pupil exported by name is in the access log");
    }

    @Test
    void theExportFollowsTheFilterAndTheSort() throws IOException {
        String token = api.token("zorg.dijkstad");
        List<CSVRecord> rows = parse(api.call(HttpRequest.GET("/api/absence-signals/export?" + ON + "&kind=BEGINNING_ABSENCE&sort=pupil"), token).raw());
        List<String> pupils = rows.stream().skip(1).map(r -> r.get(0)).toList();
        assertFalse(pupils.isEmpty());
        assertTrue(rows.stream().skip(1).allMatch(r -> r.get(2).contains("Beginnend verzuim")), "only the kind asked for");
        assertEquals(pupils.stream().sorted(Collator.getInstance(Locale.of("nl", "NL"))).toList(), pupils, "sorted by pupil, A to Z");

        List<CSVRecord> descending = parse(api.call(HttpRequest.GET("/api/absence-signals/export?" + ON + "&sort=unauthorised&descending=true"), token).raw());
        List<Double> hours = descending.stream().skip(1).map(r -> Double.valueOf(r.get(3).replace(',', '.'))).toList();
        for (int i = 1; i < hours.size(); i++) {
            assertTrue(hours.get(i - 1) >= hours.get(i), "most unauthorised hours first: " + hours);
        }
        api.call(HttpRequest.GET("/api/absence-signals/export?sort=shoe-size"), token).assertProblem(400, "sort");
        api.call(HttpRequest.GET("/api/absence-signals/export?kind=NONSENSE"), token).assertProblem(400, "kind");
    }

    @Test
    void anotherSchoolLearnsNothingOfThisSchool() throws IOException {
        List<Map<String, Object>> dijkstad = api.get(api.token("zorg.dijkstad"), "/api/absence-signals?" + ON,
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        Set<String> dijkstadNames = dijkstad.stream().map(e -> (String) pupil(e).get("name")).filter(Objects::nonNull).collect(Collectors.toSet());
        assertFalse(dijkstadNames.isEmpty());
        String veenhoven = api.token("zorg.veenhoven");

        ApiClient.Answer own = api.call(HttpRequest.GET("/api/absence-signals/export?" + ON), veenhoven);
        assertEquals(200, own.status());
        assertTrue(parse(own.raw()).stream().skip(1).noneMatch(r -> dijkstadNames.contains(r.get(0))), "only Veenhoven's own pupils");

        long dijkstadCollege = schoolId("02CD");
        ApiClient.Answer foreign = api.call(HttpRequest.GET("/api/absence-signals/export?" + ON + "&school=" + dijkstadCollege), veenhoven);
        ApiClient.Answer none = api.call(HttpRequest.GET("/api/absence-signals/export?" + ON + "&school=987654321"), veenhoven);
        assertEquals(404, foreign.status());
        assertEquals(none.status(), foreign.status());
        assertEquals(none.raw(), foreign.raw(), "another school's list and no school's list answer alike");
        ApiClient.Answer foreignList = api.call(HttpRequest.GET("/api/absence-signals?" + ON + "&school=" + dijkstadCollege), veenhoven);
        assertEquals(none.raw(), foreignList.raw());
        assertTrue(dijkstadNames.stream().noneMatch(foreign.raw()::contains));
    }

    @Test
    void viewersWhoSeeThePupilsOnlyUnderAnAliasOrNotAtAllGetNothing() {
        long dijkstadCollege = schoolId("02CD");
        for (String username : List.of("leerplicht.dijkstad", "jgz.verpleegkundige", "swv.coordinator", "fg")) {
            String token = api.token(username);
            long before = logged(username);
            ApiClient.Answer all = api.call(HttpRequest.GET("/api/absence-signals/export?" + ON), token);
            ApiClient.Answer one = api.call(HttpRequest.GET("/api/absence-signals/export?" + ON + "&school=" + dijkstadCollege), token);
            ApiClient.Answer none = api.call(HttpRequest.GET("/api/absence-signals/export?" + ON + "&school=987654321"), token);
            assertEquals(403, all.status(), username);
            assertEquals(all.raw(), one.raw(), username + ": the school's list and");
            assertEquals(none.raw(), one.raw(), username + ": no school's list answer alike");
            assertFalse(one.raw().contains(";"), username + " gets no CSV");
            assertEquals(before, logged(username), username + " read nobody");
        }
        assertEquals(401, api.call(HttpRequest.GET("/api/absence-signals/export?" + ON), null).status());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> pupil(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("pupil");
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        String body = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        return CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').get().parse(new StringReader(body)).getRecords();
    }

    private long logged(String username) {
        return sql.query("SELECT count(*) FROM access_log WHERE username = ? AND context LIKE ?", s -> {
            s.setString(1, username);
            s.setString(2, PURPOSE + "%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private long schoolId(String brin) {
        return sql.query("SELECT id FROM school WHERE brin = ?", s -> {
            s.setString(1, brin);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
