package nl.casustafel.oversight;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.absence.TestSql;
import nl.casustafel.account.AccountService;
import nl.casustafel.platform.ClockFactory;
import nl.casustafel.privacy.SupervisoryLookup;
import nl.casustafel.privacy.PupilIdentity;
import nl.casustafel.privacy.PupilIdentityRepository;
import nl.casustafel.pupil.PupilSearch;
import nl.casustafel.pupil.PupilService;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The privacy officer (FG) searches the access log by pupil name or BSN, user and period, exports it as CSV,
 * and is told why a search found nothing; the look-up of a name or BSN is itself in the log. Nobody else
 * learns anything from these endpoints.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogSearchApiTest implements CasustafelTestProperties {

    /** Dijkstad College, seen by name by its zorgcoördinator. */
    private static final String BSN = "283158839";
    private static final String FULL_TIMESTAMP = "\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}:\\d{2}";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;
    @Inject
    PupilIdentityRepository identities;
    @Inject
    SupervisoryLookup lookup;
    @Inject
    AccountService accounts;
    @Inject
    TestSql sql;
    @Inject
    PupilService pupils;

    private ApiClient api;
    private String fg;
    private PupilIdentity pupil;

    @BeforeAll
    void readThePupilAsItsSchool() {
        api = new ApiClient(http.toBlocking(), json);
        fg = api.token("fg");
        pupil = identities.findByBsn(BSN).orElseThrow();
        assertEquals(200, api.status(api.token("zorg.dijkstad"), "/api/pupils/" + pupil.pupilId()));
        assertFalse(pupils.listOwnSchools(accounts.viewer("zorg.regenboog").orElseThrow(), new PupilSearch(null, 1)).isEmpty(),
                "a user with rows, none of them about the pupil of Dijkstad College");
    }

    @Test
    void byNameTheOfficerSeesWhoReadThePupilWithItsNameAndTheSearchIsLoggedAsSupervision() {
        long before = lastId();
        List<Map<String, Object>> entries = entries(search("pupil=" + encode(pupil.fullName())));

        assertTrue(entries.stream().allMatch(e -> pupil.fullName().equals(e.get("pupilName"))), entries.toString());
        assertTrue(entries.stream().anyMatch(e -> "zorg.dijkstad".equals(e.get("username"))
                && ((Number) e.get("pupilId")).longValue() == pupil.pupilId()), "the school's read is found");
        Map<String, Object> own = entries.getFirst();
        assertEquals("fg", own.get("username"), "the look-up is the newest row: the officer's own read");
        assertEquals("SUPERVISION", own.get("basisKind"));
        assertEquals("toezicht toegangslogboek, API, gezocht op naam", own.get("context"));
        assertTrue(((Number) own.get("id")).longValue() > before);
        assertEquals(1, rowsOfFgSince(before), "one look-up, one row for the one pupil found");
    }

    @Test
    void byBsnTheSameRowsAndTheBsnIsNotSentBack() {
        ApiClient.Answer answer = search("pupil=" + BSN.substring(0, 3) + "+" + BSN.substring(3, 6) + "+" + BSN.substring(6));
        List<Map<String, Object>> entries = entries(answer);
        assertTrue(entries.stream().anyMatch(e -> "zorg.dijkstad".equals(e.get("username"))), entries.toString());
        assertTrue(entries.stream().allMatch(e -> ((Number) e.get("pupilId")).longValue() == pupil.pupilId()));
        assertTrue(entries.stream().allMatch(e -> pupil.fullName().equals(e.get("pupilName"))));
        assertEquals("toezicht toegangslogboek, API, gezocht op BSN", entries.getFirst().get("context"));
        assertFalse(answer.raw().contains(BSN), "the BSN the officer typed does not come back");
    }

    @Test
    void aNameMatchesInEitherOrderInAnyCaseAndWildcardsAreLiteral() {
        String reversed = (pupil.familyName() + ", " + pupil.givenName()).toUpperCase(java.util.Locale.ROOT);
        assertTrue(entries(search("pupil=" + encode(reversed))).stream()
                .anyMatch(e -> ((Number) e.get("pupilId")).longValue() == pupil.pupilId()), reversed);
        ApiClient.Answer wildcards = search("pupil=" + encode("%_"));
        assertTrue(entries(wildcards).isEmpty(), "'%_' is no pattern that matches every pupil");
        assertTrue(((String) wildcards.map().get("explanation")).contains("geen leerling met deze naam bekend"));
    }

    @Test
    void byPupilNumberNoNameIsShown() {
        List<Map<String, Object>> entries = entries(search("pupil=" + pupil.pupilId()));
        assertFalse(entries.isEmpty());
        assertTrue(entries.stream().allMatch(e -> e.get("pupilName") == null), "a number looks nobody up by name");
    }

    @Test
    void byUserAndPeriodOnlyThatUsersRowsOfThatPeriodAndNoNames() {
        LocalDate today = LocalDate.now(ClockFactory.AMSTERDAM);
        List<Map<String, Object>> entries = entries(search("username=zorg.dijkstad&from=" + today + "&until=" + today));
        assertFalse(entries.isEmpty());
        assertTrue(entries.stream().allMatch(e -> "zorg.dijkstad".equals(e.get("username"))));
        assertTrue(entries.stream().anyMatch(e -> ((Number) e.get("pupilId")).longValue() == pupil.pupilId()));
        assertTrue(entries.stream().allMatch(e -> e.get("pupilName") == null), "names only for a pupil looked up by name or BSN");

        assertTrue(entries(search("username=zorg.dijkstad&until=" + today.minusYears(30))).isEmpty());
    }

    @Test
    void anEmptyPeriodIsExplained() {
        ApiClient.Answer answer = search("from=1990-01-02&until=1990-01-03");
        assertTrue(entries(answer).isEmpty());
        assertEquals("Gezocht: periode van 2 januari 1990 tot en met 3 januari 1990. Geen regels gevonden: het logboek bevat in "
                + "deze periode geen enkele regel. Kies een andere periode.", answer.map().get("explanation"));
    }

    @Test
    void anUnknownNameOrUserOrConditionsThatDoNotMeetAreExplained() {
        long before = lastId();
        ApiClient.Answer noName = search("pupil=Xqzwvyk");
        assertTrue(entries(noName).isEmpty());
        assertEquals("Gezocht: leerling met „Xqzwvyk” in de naam (0 leerlingen gevonden). Geen regels gevonden: er is geen "
                + "leerling met deze naam bekend. Controleer de spelling, of zoek op een deel van de naam of op BSN.",
                noName.map().get("explanation"));
        assertEquals(0, rowsOfFgSince(before), "nobody found, nobody logged");

        assertTrue(((String) search("pupil=999999999").map().get("explanation")).contains("geen leerling met dit BSN bekend"));
        assertTrue(((String) search("username=niemand.hier").map().get("explanation"))
                .contains("gebruiker „niemand.hier” komt in het hele logboek niet voor"));
        String both = (String) search("pupil=" + BSN + "&username=zorg.regenboog").map().get("explanation");
        assertTrue(both.startsWith("Gezocht: leerling met het opgegeven BSN (1 leerling gevonden), gebruiker „zorg.regenboog”."), both);
        assertTrue(both.endsWith("geen die aan alle voorwaarden tegelijk voldoen. Laat een voorwaarde weg of verruim de periode."), both);
        assertNull(search("pupil=" + BSN).map().get("explanation"), "no explanation when rows were found");
    }

    @Test
    void badSearchTermsAre400sNamingTheField() {
        search("pupil=a").assertProblem(400, "pupil");
        search("pupil=1234567890").assertProblem(400, "pupil");
        search("from=2026-02-01&until=2026-01-01").assertProblem(400, "until");
    }

    @Test
    void aCommonNameFragmentIsRefusedInsteadOfShowingManyPupils() {
        ApiClient.Answer answer = search("pupil=e");
        answer.assertProblem(400, "pupil");
        ApiClient.Answer many = search("pupil=en");
        if (many.status() == 400) {
            assertTrue(many.raw().contains("Meer dan " + SupervisoryLookup.MAX_PUPILS + " leerlingen"), many.raw());
        } else {
            assertTrue(entries(many).stream().map(e -> e.get("pupilName")).distinct().count() <= SupervisoryLookup.MAX_PUPILS);
        }
    }

    @Test
    void theCsvExportHasTheRowsWithFullTimestampsAndNames() throws IOException {
        ApiClient.Answer answer = api.call(HttpRequest.GET("/api/access-log/export?pupil=" + BSN), fg);
        assertEquals(200, answer.status(), answer.raw());
        assertTrue(answer.contentType().startsWith("text/csv"), answer.contentType());
        assertFalse(answer.raw().contains(BSN));
        List<CSVRecord> records = csv(answer.raw());
        assertEquals(List.of(AccessLogCsv.HEADER), records.getFirst().toList());
        List<CSVRecord> rows = records.subList(1, records.size());
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().allMatch(r -> r.get(1).matches(FULL_TIMESTAMP)), rows.toString());
        assertTrue(rows.stream().allMatch(r -> r.get(4).equals(String.valueOf(pupil.pupilId())) && r.get(5).equals(pupil.fullName())));
        assertTrue(rows.stream().anyMatch(r -> r.get(2).equals("zorg.dijkstad") && r.get(7).startsWith("Inschrijving")), rows.toString());
        CSVRecord own = rows.getFirst();
        assertEquals("fg", own.get(2));
        assertEquals("toezicht toegangslogboek, API, export, gezocht op BSN", own.get(6));
        assertEquals("Toezicht FG", own.get(7));
    }

    @Test
    void anEmptyExportCarriesTheExplanation() {
        ApiClient.Answer answer = api.call(HttpRequest.GET("/api/access-log/export?from=1990-01-02&until=1990-01-02"), fg);
        assertEquals(200, answer.status());
        String[] lines = answer.raw().split("\r\n");
        assertEquals("\uFEFFRegel;Tijdstip;Gebruiker;Partij;Leerlingnummer;Leerling;Waar;Grondslag", lines[0]);
        assertTrue(lines[1].startsWith("# Gezocht: periode van 2 januari 1990 tot en met 2 januari 1990. Geen regels gevonden"), lines[1]);
        assertEquals(2, lines.length);
    }

    /** Everyone but the FG, among them an officer who sees pupils only under an alias and the admin. */
    @ParameterizedTest
    @ValueSource(strings = {"zorg.dijkstad", "leerplicht.veenhoven", "swv.coordinator", "jgz.arts", "beheer"})
    void othersGetThe403WhateverTheyAskAndNothingIsLogged(String username) {
        String token = api.token(username);
        long before = lastId();
        for (String query : List.of("pupil=" + encode(pupil.fullName()), "pupil=" + BSN, "pupil=Xqzwvyk", "pupil=999999999", "")) {
            ApiClient.Answer found = api.call(HttpRequest.GET("/api/access-log?" + query), token);
            assertEquals(403, found.status(), query);
            assertEquals(403, api.call(HttpRequest.GET("/api/access-log/export?" + query), token).status(), query);
            assertFalse(found.raw().contains(pupil.familyName()));
        }
        assertEquals(0L, (long) sql.query("SELECT count(*) FROM access_log WHERE id > " + before + " AND basis_kind = 'SUPERVISION'",
                st -> count(st.executeQuery())));
    }

    @Test
    void theKernelAnswersNoOtherRole() {
        long before = lastId();
        SupervisoryLookup.Lookup asSchool = lookup.find(accounts.viewer("zorg.dijkstad").orElseThrow(), pupil.fullName(), "test", "pupil");
        assertTrue(asSchool.pupils().isEmpty(), "even the pupil's own school gets no supervisory look-up");
        assertEquals(0, rowsOfFgSince(before));
    }

    private ApiClient.Answer search(String query) {
        return api.call(HttpRequest.GET("/api/access-log?" + query), fg);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(ApiClient.Answer answer) {
        return (List<Map<String, Object>>) answer.body(200).get("entries");
    }

    private static List<CSVRecord> csv(String text) throws IOException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return CSVFormat.DEFAULT.builder().setDelimiter(';').setCommentMarker('#').get().parse(new StringReader(body)).getRecords();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private long rowsOfFgSince(long id) {
        return sql.query("SELECT count(*) FROM access_log WHERE username = 'fg' AND id > " + id, st -> count(st.executeQuery()));
    }

    private long lastId() {
        return sql.query("SELECT coalesce(max(id), 0) FROM access_log", st -> count(st.executeQuery()));
    }

    private static long count(ResultSet rs) throws java.sql.SQLException {
        rs.next();
        return rs.getLong(1);
    }
}
