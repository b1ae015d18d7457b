package nl.casustafel.meeting;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.casustafel.ApiClient;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.absence.TestSql;
import nl.casustafel.platform.ClockFactory;
import nl.casustafel.privacy.PupilIdentity;
import nl.casustafel.scaledown.CaseScaledDown;
import nl.casustafel.scaledown.ScaleDownReason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static nl.casustafel.meeting.MeetingFixtures.DIJKSTAD;
import static nl.casustafel.meeting.MeetingFixtures.DIJKSTAD_COLLEGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The thuiszitter's journey at the thuiszitterstafel (issue 11, items 3 and 4): the timeline's durations and the
 * covenant's signals (thuiszitter after 4 weeks without exemption, escalation to the directeur-bestuurder after 3
 * months without a suitable offer) on dates crafted around today; what each participant sees of it; afschaling by the
 * chair, after which every party but the school of enrolment's loses the pupil at that table; the notices; no
 * retention closing decision.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThuiszitterJourneyApiTest implements CasustafelTestProperties {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    MeetingFixtures fixtures;
    @Inject
    TestSql sql;
    @Inject
    io.micronaut.json.JsonMapper json;
    @Inject
    ScaledDownEvents events;
    private ApiClient api;
    private final LocalDate today = LocalDate.now(ClockFactory.AMSTERDAM);

    @BeforeAll
    void signIn() {
        api = new ApiClient(http.toBlocking(), json);
    }

    /** Records the afschaling events after commit, as a listener of another feature would. */
    @Singleton
    @Requires(env = "test")
    static class ScaledDownEvents {
        final List<CaseScaledDown> seen = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        void on(CaseScaledDown event) {
            seen.add(event);
        }
    }

    private record Case(MeetingSeries table, long meeting, long item, long pupil, String handle) {
    }

    /** A pupil of Dijkstad College on a new thuiszitterstafel like the demo one, the school at the table, reported to DUO. */
    @SuppressWarnings("unchecked")
    private Case registered() {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.THUISZITTERSTAFEL);
        fixtures.addParticipant(table, "zorg.dijkstad");
        long meeting = fixtures.planNextWeek(table).id();
        long pupil = fixtures.freshPupil(DIJKSTAD_COLLEGE, DIJKSTAD);
        Map<String, Object> registered = api.call(HttpRequest.POST("/api/meetings/" + meeting + "/agenda", Map.of("pupilId", pupil,
                "reason", "NO_SUITABLE_PLACE", "consentGiven", false, "reportedToDuo", true, "parentsKnowCjgAsks", true,
                "parentsInformedBy", "Zorgcoördinator")), token("zorg.dijkstad")).body(201);
        long item = ((Number) ((Map<String, Object>) registered.get("item")).get("id")).longValue();
        api.call(HttpRequest.POST("/api/pupils/" + pupil + "/duo-reports", Map.of("kind", "RELATIVE_16H",
                "reportedOn", today.toString(), "duoReference", "TZT-" + pupil)), token("zorg.dijkstad")).body(201);
        return new Case(table, meeting, item, pupil, fixtures.handle(table.id(), pupil));
    }

    /** One sign-in per user for the class: each sign-in spends a second-factor step, and a fourth in a row waits for the next one. */
    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    private String token(String username) {
        return tokens.computeIfAbsent(username, api::token);
    }

    private ApiClient.Answer period(String user, String ref, Map<String, Object> body) {
        return api.call(HttpRequest.POST("/api/pupils/" + ref + "/timeline/entries", body), token(user));
    }

    @Test
    @SuppressWarnings("unchecked")
    void durationsAndSignalsFollowTheCovenantTermsAndTheKernel() {
        Case c = registered();
        String school = token("zorg.dijkstad");
        PupilIdentity identity = fixtures.identity(c.pupil());
        LocalDate fiveWeeksAgo = today.minusWeeks(5);
        period("zorg.dijkstad", String.valueOf(c.pupil()), Map.of("kind", "OUT_OF_SCHOOL", "absenceKind", "RELATIVE",
                "exemption", false, "startsOn", fiveWeeksAgo.toString())).body(201);

        Map<String, Object> timeline = api.get(school, "/api/pupils/" + c.pupil() + "/timeline", JSON);
        Map<String, Object> figures = (Map<String, Object>) timeline.get("figures");
        assertEquals(true, timeline.get("figuresShown"));
        assertEquals(36, ((Number) figures.get("daysOutOfSchool")).intValue(), "five weeks ago up to and including today");
        assertEquals(5, ((Number) figures.get("weeksWithoutExemption")).intValue());
        assertEquals(List.of("THUISZITTER"), codes(figures), "4 weeks without exemption: a thuiszitter, not yet 3 months");

        // An earlier period with exemption, four months ago: no extra weeks without exemption, but 3 months without an offer.
        period("zorg.dijkstad", String.valueOf(c.pupil()), Map.of("kind", "OUT_OF_SCHOOL", "absenceKind", "ABSOLUTE",
                "exemption", true, "startsOn", today.minusMonths(4).toString(), "endsOn", today.minusMonths(4).plusDays(13).toString())).body(201);
        figures = (Map<String, Object>) api.get(school, "/api/pupils/" + c.pupil() + "/timeline", JSON).get("figures");
        assertEquals(5, ((Number) figures.get("weeksWithoutExemption")).intValue());
        assertEquals(50, ((Number) figures.get("daysOutOfSchool")).intValue());
        assertEquals(List.of("THUISZITTER", "ESCALATION"), codes(figures));
        Map<String, Object> escalation = ((List<Map<String, Object>>) figures.get("signals")).get(1);
        assertEquals("directeur-bestuurder samenwerkingsverband (doorzettingsmacht)", escalation.get("escalateTo"));
        assertEquals(today.minusMonths(4).plusMonths(3).toString(), escalation.get("since"));

        // The leerplichtambtenaar sees the pupil by name after the DUO report: the same figures.
        Map<String, Object> byOfficer = api.get(token("leerplicht.dijkstad"), "/api/pupils/" + c.pupil() + "/timeline", JSON);
        assertEquals(true, byOfficer.get("figuresShown"), byOfficer.toString());

        // Under the alias (the CJG without consent): the school's entries and the figures derived from them are withheld.
        String raw = http.toBlocking().retrieve(HttpRequest.GET("/api/pupils/" + c.handle() + "/timeline").bearerAuth(token("jgz.verpleegkundige")));
        Map<String, Object> byAlias = api.get(token("jgz.verpleegkundige"), "/api/pupils/" + c.handle() + "/timeline", JSON);
        assertEquals("PSEUDONYMOUS", ((Map<String, Object>) byAlias.get("pupil")).get("disclosure"));
        assertEquals(false, byAlias.get("figuresShown"));
        assertNull(byAlias.get("figures"));
        assertTrue(byAlias.get("entries") == null || ((List<?>) byAlias.get("entries")).isEmpty(), raw);
        for (String secret : List.of(identity.familyName(), identity.givenName(), fixtures.bsn(c.pupil()), "Scholengroep",
                "\"id\":" + c.pupil(), fiveWeeksAgo.toString())) {
            assertFalse(raw.contains(secret), secret + " leaked under the alias: " + raw);
        }

        // A suitable offer ends the escalation; the days to it are counted from the first day out.
        period("zorg.dijkstad", String.valueOf(c.pupil()), Map.of("kind", "OFFER_FOUND", "startsOn", today.toString())).body(201);
        figures = (Map<String, Object>) api.get(school, "/api/pupils/" + c.pupil() + "/timeline", JSON).get("figures");
        assertEquals(List.of("THUISZITTER"), codes(figures));
        assertEquals((int) ChronoUnit.DAYS.between(today.minusMonths(4), today), ((Number) figures.get("daysToOffer")).intValue());

        // Outsiders, a number from an alias viewer and a pupil that does not exist: one 404, one body.
        String missing = api.call(HttpRequest.GET("/api/pupils/999999999/timeline"), school).raw();
        for (String[] probe : List.of(new String[]{"zorg.veenhoven", String.valueOf(c.pupil())},
                new String[]{"jgz.verpleegkundige", String.valueOf(c.pupil())}, new String[]{"zorg.veenhoven", c.handle()})) {
            ApiClient.Answer answer = api.call(HttpRequest.GET("/api/pupils/" + probe[1] + "/timeline"), token(probe[0]));
            assertEquals(404, answer.status(), String.join(" ", probe));
            assertEquals(missing, answer.raw());
        }
        ApiClient.Answer write = period("zorg.veenhoven", String.valueOf(c.pupil()), Map.of("kind", "OFFER_FOUND", "startsOn", today.toString()));
        assertEquals(404, write.status());
        assertEquals(missing, write.raw());

        // Bad input: a Dutch 400 naming the field, nothing written.
        int before = entries(c);
        period("zorg.dijkstad", String.valueOf(c.pupil()), Map.of("kind", "OUT_OF_SCHOOL", "exemption", false,
                "startsOn", today.toString())).assertProblem(400, "absenceKind");
        period("zorg.dijkstad", String.valueOf(c.pupil()), Map.of("kind", "RETURN_STEP", "startsOn", today.toString()))
                .assertProblem(400, "hoursPerWeek");
        period("zorg.dijkstad", String.valueOf(c.pupil()), Map.of("kind", "OUT_OF_SCHOOL", "absenceKind", "RELATIVE", "exemption", false,
                "startsOn", today.toString(), "endsOn", today.minusDays(3).toString())).assertProblem(400, "endsOn");
        period("zorg.dijkstad", String.valueOf(c.pupil()), Map.of("kind", "OFFER_FOUND", "startsOn", today.plusDays(1).toString()))
                .assertProblem(400, "startsOn");
        assertEquals(before, entries(c));
    }

    /** Every participant of the table, and whether they still see the pupil at the table after afschaling. */
    private static final Map<String, Boolean> AFTER_SCALE_DOWN = Map.of(
            "zorg.dijkstad", true,           // school of enrolment: keeps its file
            "swv.coordinator", false,        // chair, samenwerkingsverband
            "swv.orthopedagoog", false,      // kernteam
            "leerplicht.dijkstad", false,    // saw the pupil by name (DUO report)
            "leerplicht.veenhoven", false,   // not sworn for Dijkstad: alias
            "jgz.verpleegkundige", false,    // CJG without consent: alias
            "jgz.arts", false);

    @Test
    @SuppressWarnings("unchecked")
    void afschalingEndsEveryPartysAccessButTheSchoolOfEnrolments() {
        Case c = registered();
        String chair = token("swv.coordinator");
        String scaleDown = "/api/meetings/" + c.meeting() + "/items/" + c.item() + "/scale-down";
        period("swv.coordinator", c.handle(), Map.of("kind", "OUT_OF_SCHOOL", "absenceKind", "RELATIVE", "exemption", false,
                "startsOn", today.minusWeeks(6).toString())).body(201);
        for (String user : AFTER_SCALE_DOWN.keySet()) {
            assertEquals(200, api.status(token(user), "/api/meetings/" + c.meeting() + "/items/" + c.item() + "/facts"), user);
        }

        // Only the chair decides; bad input writes nothing; an outsider gets the one 404.
        api.call(HttpRequest.POST(scaleDown, Map.of("reason", "MOVED")), token("leerplicht.dijkstad")).assertProblem(403, null);
        api.call(HttpRequest.POST(scaleDown, Map.of()), chair).assertProblem(400, "reason");
        api.call(HttpRequest.POST(scaleDown, Map.of("reason", "OTHER", "explanation", " ")), chair).assertProblem(400, "explanation");
        api.call(HttpRequest.POST(scaleDown, Map.of("reason", "NOT_A_REASON")), chair).assertProblem(400, null);
        assertEquals(404, api.call(HttpRequest.POST(scaleDown, Map.of("reason", "MOVED")), token("zorg.veenhoven")).status());
        assertEquals(404, api.call(HttpRequest.POST("/api/meetings/" + c.meeting() + "/items/" + (c.item() + 1_000_000) + "/scale-down",
                Map.of("reason", "MOVED")), chair).status());
        assertEquals(0, scaledDown(c));
        assertEquals(0, notices(c));

        Map<String, Object> decision = api.call(HttpRequest.POST(scaleDown, Map.of("reason", "BACK_IN_EDUCATION",
                "explanation", "Start op het Veenhoven Lyceum")), chair).body(200);
        assertEquals(true, decision.get("leftThuiszitterList"));
        assertEquals(1, scaledDown(c));
        assertEquals(AFTER_SCALE_DOWN.size(), notices(c), "every participant is told");
        assertTrue(events.seen.stream().anyMatch(e -> e.pupilId() == c.pupil() && e.seriesId() == c.table().id()
                && e.reason() == ScaleDownReason.BACK_IN_EDUCATION), "published after commit");

        PupilIdentity identity = fixtures.identity(c.pupil());
        for (Map.Entry<String, Boolean> row : AFTER_SCALE_DOWN.entrySet()) {
            String user = row.getKey();
            String token = token(user);
            int expected = row.getValue() ? 200 : 404;
            assertEquals(expected, api.status(token, "/api/meetings/" + c.meeting() + "/items/" + c.item() + "/facts"), user + " facts");
            assertEquals(expected, api.status(token, "/api/pupils/" + c.pupil() + "?series=" + c.table().id()), user + " pupil by number");
            assertEquals(row.getValue() && user.startsWith("zorg") ? 200 : 404, api.status(token, "/api/pupils/" + c.handle()),
                    user + " pupil by handle");
            String lists = http.toBlocking().retrieve(HttpRequest.GET("/api/pupils/at-my-tables").bearerAuth(token));
            assertEquals(row.getValue(), lists.contains(c.handle()), user + " case list: " + lists);
            String agenda = api.call(HttpRequest.GET("/api/meetings/" + c.meeting()), token).raw();
            assertEquals(row.getValue(), agenda.contains(c.handle()), user + " agenda: " + agenda);
            assertFalse(!row.getValue() && agenda.contains(identity.familyName()), user + " agenda names the pupil");

            List<Map<String, Object>> notices = api.call(HttpRequest.GET("/api/scale-down-notices"), token).list();
            Map<String, Object> notice = notices.stream().filter(n -> c.table().name().equals(n.get("table"))).findFirst().orElseThrow();
            assertEquals(row.getValue(), notice.get("stillVisible"), user);
            String text = (String) notice.get("text");
            if (row.getValue()) {
                assertTrue(text.contains(identity.familyName()) && text.contains("terug in het onderwijs"), text);
            } else {
                assertTrue(text.startsWith("Leerling ") && text.contains("geen toegang meer"), text);
                for (String secret : List.of(identity.familyName(), identity.givenName(), "onderwijs", "Veenhoven Lyceum", c.handle())) {
                    assertFalse(notice.toString().contains(secret), user + ": " + secret + " in " + notice);
                }
            }
        }

        // The timeline: fully back on the day of the decision, off the thuiszitter list, for the school only.
        Map<String, Object> timeline = api.get(token("zorg.dijkstad"), "/api/pupils/" + c.pupil() + "/timeline", JSON);
        Map<String, Object> figures = (Map<String, Object>) timeline.get("figures");
        assertEquals(today.toString(), figures.get("fullyBackOn"));
        assertEquals(false, figures.get("onThuiszitterList"));
        assertTrue(codes(figures).isEmpty());
        assertEquals(404, api.status(token("swv.coordinator"), "/api/pupils/" + c.handle() + "/timeline"));

        // Retention: afschaling is no art. 5.5 closing decision; the school keeps its file and may decide later.
        assertEquals(0, count("SELECT count(*) FROM closing_decision WHERE pupil_id = " + c.pupil()));
        // A second decision is refused for the school, and is a 404 for the chair who no longer sees the pupil.
        assertEquals(404, api.call(HttpRequest.POST(scaleDown, Map.of("reason", "MOVED")), chair).status());
    }

    @SuppressWarnings("unchecked")
    private static List<String> codes(Map<String, Object> figures) {
        Object signals = figures.get("signals");
        return signals == null ? List.of() : ((List<Map<String, Object>>) signals).stream().map(s -> (String) s.get("code")).toList();
    }

    private int entries(Case c) {
        return count("SELECT count(*) FROM thuiszitter_entry WHERE pupil_id = " + c.pupil());
    }

    private int scaledDown(Case c) {
        return count("SELECT count(*) FROM series_case WHERE scaled_down_at IS NOT NULL AND pupil_id = " + c.pupil());
    }

    private int notices(Case c) {
        return count("SELECT count(*) FROM scale_down_notice WHERE pupil_id = " + c.pupil());
    }

    private int count(String query) {
        return sql.query(query, st -> {
            var rs = st.executeQuery();
            rs.next();
            return rs.getInt(1);
        });
    }
}
