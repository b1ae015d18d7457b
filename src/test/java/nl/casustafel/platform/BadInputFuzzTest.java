package nl.casustafel.platform;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.CasustafelTestProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes every writing endpoint of the OpenAPI document with malformed and extreme bodies, as a caller whose
 * role may use it, on real objects (so the body is validated, not just answered with 404). Whatever is sent,
 * the answer is never a 5xx, every 4xx is an RFC 7807 problem, no bad body is accepted, and no table changes.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputFuzzTest implements CasustafelTestProperties {

    private static final String MEGABYTE = "x".repeat(1 << 20);
    /** Tables that requests legitimately write whatever their body: see {@link #snapshot()}. */
    private static final List<String> WRITTEN_BY_EVERY_REQUEST = List.of(
            // Every identified read of a pupil is logged (NEN 7513), also by a request that then fails validation.
            "access_log",
            // Flyway's own bookkeeping; no request writes it, but it is not ours to compare either.
            "flyway_schema_history",
            // Signed checkpoints of the access log, written every minute by a job, whatever the requests do.
            "access_log_checkpoint");
    /**
     * Endpoints that take no body and rightly act on any request: {@code POST /api/logout} ends the caller's
     * own sign-in whatever is sent (and would end this test's token); it is covered by the sign-in tests.
     * {@code POST} and {@code DELETE /api/calendar/feed} renew or revoke the caller's own calendar feed
     * (calendar.CalendarApiTest).
     */
    private static final List<String> NO_BODY_ACTS_ON_CALLER = List.of("/api/logout", "/api/calendar/feed");

    @Inject
    @Client("/")
    HttpClient httpClient;
    @Inject
    JsonMapper json;
    @Inject
    TransactionOperations<Connection> tx;

    private ApiClient api;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    /** Per endpoint (path template): who calls it and the real objects its path variables name. */
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private Map<String, Object> document;

    private record Target(String username, Map<String, String> pathVariables) {
    }

    /** Values for the focused cases: the real objects, and a valid consent and data-subject request to spoil one field of. */
    private final Map<String, String> real = new LinkedHashMap<>();

    @BeforeAll
    void setUp() throws Exception {
        api = new ApiClient(httpClient.toBlocking(), json);
        for (String user : List.of("zorg.dijkstad", "leerplicht.dijkstad")) {
            tokens.put(user, api.token(user));
        }
        document = new Yaml().load(api.call(HttpRequest.GET("/openapi/casustafel.yml"), null).raw());
        prepareRealObjects();
    }

    /**
     * A table of our own (so no other test's demo table changes), a planned meeting with a pupil on its agenda, a
     * withdrawn consent and a closed DUO report (so that a body the endpoint could accept as it stands is still
     * refused), and an open data-subject request: all made through the API, as the roles would.
     */
    private void prepareRealObjects() {
        String school = "zorg.dijkstad";
        long schoolId = number("SELECT id FROM school WHERE brin = '02CD'");
        long officer = number("SELECT id FROM user_account WHERE username = 'leerplicht.dijkstad'");
        long cjg = number("SELECT id FROM party WHERE type = 'YOUTH_HEALTH' ORDER BY id LIMIT 1");
        long pupil = number("""
                SELECT p.id FROM pupil p JOIN pupil_identity i ON i.pupil_id = p.id JOIN municipality m ON m.id = i.residence_municipality_id
                 WHERE p.school_id = %d AND m.code = 'GM9901' AND p.enrolled_until IS NULL
                   AND i.birth_date > current_date - interval '15 years'
                   AND NOT EXISTS (SELECT 1 FROM series_case x WHERE x.pupil_id = p.id)
                   AND NOT EXISTS (SELECT 1 FROM duo_report x WHERE x.pupil_id = p.id)
                   AND NOT EXISTS (SELECT 1 FROM consent x WHERE x.pupil_id = p.id)
                 ORDER BY p.id DESC LIMIT 1""".formatted(schoolId));
        String today = LocalDate.now(ClockFactory.AMSTERDAM).toString();

        long series = id(send(school, "POST", "/api/series", """
                {"type": "VERZUIMOVERLEG", "name": "Fuzzoverleg %d", "schoolId": %d, "participantIds": [%d]}"""
                .formatted(System.nanoTime(), schoolId, officer)), 201);
        String startsAt = ZonedDateTime.now(ClockFactory.AMSTERDAM).plusDays(7).withHour(9).toInstant().toString();
        long meeting = id(send(school, "POST", "/api/series/" + series + "/meetings",
                "{\"startsAt\": \"" + startsAt + "\"}"), 201);
        ApiClient.Answer registered = send(school, "POST", "/api/meetings/" + meeting + "/agenda", "{\"pupilId\": " + pupil + "}");
        long item = ((Number) map(registered.body(201).get("item")).get("id")).longValue();
        long consent = id(send(school, "POST", "/api/pupils/" + pupil + "/consents", """
                {"partyId": %d, "purpose": "VERZUIMOVERLEG", "categories": ["ABSENCE"], "givenByPupil": true, "givenByParent": true,
                 "parentName": "Ouder", "method": "WRITTEN", "givenOn": "%s"}""".formatted(cjg, today)), 201);
        send(school, "POST", "/api/consents/" + consent + "/withdraw", "{}").body(200);
        long report = id(send(school, "POST", "/api/pupils/" + pupil + "/duo-reports",
                "{\"kind\": \"RELATIVE_16H\", \"reportedOn\": \"" + today + "\", \"duoReference\": \"FUZZ-1\"}"), 201);
        send("leerplicht.dijkstad", "POST", "/api/duo-reports/" + report + "/close", "{}").body(200);
        long request = id(send(school, "POST", "/api/data-subject-requests", """
                {"series": %d, "pupil": "%d", "kind": "ACCESS", "requestedBy": "PARENT", "receivedOn": "%s"}"""
                .formatted(series, pupil, today)), 201);

        String p = String.valueOf(pupil);
        real.put("pupil", p);
        real.put("series", String.valueOf(series));
        real.put("item", String.valueOf(item));
        real.put("officer", String.valueOf(officer));
        real.put("cjg", String.valueOf(cjg));
        target("/api/absence-records", school, Map.of());
        target("/api/admin/accounts", "beheer", Map.of());
        target("/api/agenda-items/{id}/actions", school, Map.of("id", item));
        target("/api/agenda-items/{id}/notes", school, Map.of("id", item));
        target("/api/agenda-items/{id}/outcome", school, Map.of("id", item));
        target("/api/consents/{consentId}/withdraw", school, Map.of("consentId", consent));
        target("/api/data-subject-requests", school, Map.of());
        target("/api/data-subject-requests/{id}/decision", school, Map.of("id", request));
        target("/api/duo-reports/{reportId}/close", "leerplicht.dijkstad", Map.of("reportId", report));
        target("/api/meetings/{id}/agenda", school, Map.of("id", meeting));
        target("/api/meetings/{id}/attendance", school, Map.of("id", meeting));
        target("/api/meetings/{id}/current", school, Map.of("id", meeting));
        target("/api/meetings/{id}/move", school, Map.of("id", meeting));
        target("/api/pupils/{pupilId}/closing", school, Map.of("pupilId", p));
        target("/api/pupils/{pupil}/consents", school, Map.of("pupil", p));
        target("/api/pupils/{pupil}/duo-reports", school, Map.of("pupil", p));
        target("/api/pupils/{pupil}/notifications", school, Map.of("pupil", p));
        target("/api/pupils/{ref}/plans/{seriesId}", school, Map.of("ref", p, "seriesId", series));
        target("/api/pupils/{ref}/plans/{seriesId}/progress", school, Map.of("ref", p, "seriesId", series));
        target("/api/series", school, Map.of());
        target("/api/series/{seriesId}/meetings", school, Map.of("seriesId", series));
    }

    private void target(String path, String username, Map<String, Object> variables) {
        Map<String, String> values = new TreeMap<>();
        variables.forEach((name, value) -> values.put(name, String.valueOf(value)));
        targets.put(path, new Target(username, values));
    }

    // ------------------------------------------------------------------------------------------- the fuzzing

    @TestFactory
    Stream<DynamicTest> noBadBodyGivesA5xxOrWritesAnything() {
        List<DynamicTest> tests = new ArrayList<>();
        map(document.get("paths")).forEach((path, operations) -> map(operations).forEach((method, operation) -> {
            if (List.of("post", "put", "patch", "delete").contains(method) && !NO_BODY_ACTS_ON_CALLER.contains(path)) {
                tests.add(DynamicTest.dynamicTest(method.toUpperCase() + " " + path,
                        () -> fuzz(method.toUpperCase(), path, map(operation))));
            }
        }));
        assertTrue(tests.size() >= 20, "the OpenAPI document lists the writing endpoints: " + tests.size());
        return tests.stream();
    }

    private void fuzz(String method, String path, Map<String, Object> operation) {
        Map<String, Object> schema = bodySchema(operation);
        Target target = targets.get(path);
        String uri;
        String username;
        if (schema == null || target == null) {
            // No body to validate (cancel, open, close, plan next, done, reopen): with a real object the request
            // would rightly act, so the garbage goes to an object that does not exist. An endpoint added without
            // a target here is fuzzed the same way, as a care coordinator (or anonymously outside /api).
            uri = path.replaceAll("\\{[^}]+}", "987654321");
            username = target != null ? target.username() : path.startsWith("/api") ? "zorg.dijkstad" : null;
        } else {
            uri = path;
            for (Map.Entry<String, String> variable : target.pathVariables().entrySet()) {
                uri = uri.replace("{" + variable.getKey() + "}", variable.getValue());
            }
            username = target.username();
        }
        String token = username == null ? null : tokens.computeIfAbsent(username, api::token);

        Map<String, String> before = snapshot();
        List<String> failures = new ArrayList<>();
        for (byte[] body : bodies(schema)) {
            check(method, uri, token, body, failures);
        }
        Map<String, String> after = snapshot();
        assertTrue(failures.isEmpty(), method + " " + uri + ":\n" + String.join("\n", failures));
        assertEquals(before, after, method + " " + uri + " changed tables");
    }

    private void check(String method, String uri, String token, byte[] body, List<String> failures) {
        String shown = new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8).replace("\u0000", "\\0");
        ApiClient.Answer answer;
        try {
            MutableHttpRequest<?> request = HttpRequest.create(io.micronaut.http.HttpMethod.valueOf(method), uri)
                    .body(body).contentType(MediaType.APPLICATION_JSON_TYPE);
            answer = api.call(request, token);
        } catch (RuntimeException e) {
            failures.add("no answer (" + e + ") to " + shown);
            return;
        }
        if (answer.status() >= 500) {
            failures.add(answer.status() + " for " + shown + " -> " + answer.raw());
        } else if (answer.status() < 400) {
            failures.add("accepted (" + answer.status() + ") " + shown + " -> " + answer.raw());
        } else if (!answer.contentType().startsWith("application/problem+json")) {
            failures.add(answer.status() + " without a problem (" + answer.contentType() + ") for " + shown);
        }
    }

    /** The malformed bodies, then per property of the request schema its wrong and extreme values, one at a time. */
    private List<byte[]> bodies(Map<String, Object> schema) {
        List<byte[]> bodies = new ArrayList<>();
        for (String raw : List.of("", " ", "{", "{\"a\":", "}", "null", "[]", "\"x\"", "123", "true", "{}", "{\"onbekend\": 1}",
                "{\"a\": 1,}", "{'a': 1}", "[".repeat(10_000), "{\"a\":".repeat(5_000), "{\"x\": \"" + MEGABYTE + "\"}")) {
            bodies.add(raw.getBytes(StandardCharsets.UTF_8));
        }
        bodies.add(new byte[]{'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}); // not UTF-8
        if (schema != null) {
            for (Map.Entry<String, String> property : propertyMutations(schema).entrySet()) {
                bodies.add(("{" + property.getKey() + "}").getBytes(StandardCharsets.UTF_8));
            }
        }
        return bodies;
    }

    /** "name": value pairs (as JSON text), keyed by that text so that the order is stable. */
    private Map<String, String> propertyMutations(Map<String, Object> schema) {
        Map<String, String> mutations = new LinkedHashMap<>();
        Map<String, Object> properties = schema.get("properties") == null ? Map.of() : map(schema.get("properties"));
        properties.forEach((name, node) -> {
            for (String value : values(resolve(map(node)))) {
                String pair = "\"" + name + "\": " + value;
                mutations.put(pair, pair);
            }
        });
        return mutations;
    }

    /** Wrong and extreme JSON values for a property of this schema. */
    private List<String> values(Map<String, Object> schema) {
        List<String> values = new ArrayList<>(List.of("null", "{}", "[{}]"));
        String type = String.valueOf(schema.get("type"));
        String format = String.valueOf(schema.get("format"));
        if (schema.get("enum") != null) {
            values.addAll(List.of("\"ONBEKEND\"", "\"\"", "\"a\\u0000\"", "123", "true"));
        } else if ("string".equals(type) && "date".equals(format)) {
            values.addAll(List.of("\"0000-01-01\"", "\"1900-01-01\"", "\"+999999999-12-31\"", "\"-999999999-01-01\"",
                    "\"2026-02-30\"", "\"2026-13-01\"", "\"\"", "\"gisteren\"", "20260101", "1e309"));
        } else if ("string".equals(type) && "date-time".equals(format)) {
            values.addAll(List.of("\"0000-01-01T00:00:00Z\"", "\"1900-01-01T09:00:00Z\"", "\"+999999999-12-31T23:59:59Z\"",
                    "\"-999999999-01-01T00:00:00Z\"", "\"2026-02-30T09:00:00Z\"", "\"morgen\"", "9223372036854775808", "1e309"));
        } else if ("string".equals(type)) {
            values.addAll(List.of("\"" + MEGABYTE + "\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"x\\udc00y\"", "\"bel\\u0007\"",
                    "123", "true", "[\"x\"]"));
        } else if ("integer".equals(type) || "number".equals(type)) {
            values.addAll(List.of("9223372036854775808", "-9223372036854775809", "2147483648", "-1", "1e309", "-1e309", "1.5",
                    "\"abc\"", "\"\"", "true", "[1]"));
        } else if ("boolean".equals(type)) {
            values.addAll(List.of("\"misschien\"", "2", "\"\""));
        } else if ("array".equals(type)) {
            Map<String, Object> items = schema.get("items") == null ? Map.of() : resolve(map(schema.get("items")));
            values.addAll(List.of("\"x\"", "[null]", "[" + "1,".repeat(10_001) + "1]"));
            if (items.get("properties") != null) {
                propertyMutations(items).keySet().forEach(pair -> values.add("[{" + pair + "}]"));
            } else {
                values(items).stream().filter(v -> !v.equals("null")).forEach(v -> values.add("[" + v + "]"));
            }
        }
        return values;
    }

    // ------------------------------------------------------------------------------------------- the findings

    /** The requests that answered 500 before: now a 400 naming the field, in Dutch, with nothing written. */
    @Test
    void whatTheFuzzingFoundIsA400NamingTheField() {
        String p = real.get("pupil");
        String consent = """
                {"partyId": %s, "purpose": "VERZUIMOVERLEG", "categories": ["ABSENCE"], "givenByPupil": true, "givenByParent": true,
                 "parentName": "Ouder", "method": "WRITTEN", "givenOn": "%%s"}""".formatted(real.get("cjg"));
        String request = """
                {"series": %s, "pupil": "%s", "kind": "ACCESS", "requestedBy": "PARENT", "receivedOn": "%%s"}"""
                .formatted(real.get("series"), p);
        String action = "{\"what\": \"Gesprek met ouders\", \"ownerId\": %s, \"dueOn\": \"%%s\"}".formatted(real.get("officer"));
        String nextWeek = ZonedDateTime.now(ClockFactory.AMSTERDAM).plusDays(8).withHour(10).toInstant().toString();
        String plan = "{\"startsAt\": \"" + nextWeek + "\", \"location\": \"%s\"}";
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("givenOn", List.of("/api/pupils/" + p + "/consents", consent.formatted("0000-01-01"), consent.formatted("1900-01-01"),
                consent.formatted("2000-01-01"), consent.formatted("+999999999-12-31")));
        cases.put("receivedOn", List.of("/api/data-subject-requests", request.formatted("0000-01-01"), request.formatted("1900-01-01"),
                request.formatted("2000-01-01")));
        cases.put("dueOn", List.of("/api/agenda-items/" + real.get("item") + "/actions", action.formatted("+999999999-12-31"),
                action.formatted("0000-01-01")));
        cases.put("text", List.of("/api/agenda-items/" + real.get("item") + "/notes", "{\"text\": \"voor\\u0000na\"}",
                "{\"text\": \"half \\ud800 paar\"}", "{\"text\": \"" + "x".repeat(2001) + "\"}"));
        cases.put("location", List.of("/api/series/" + real.get("series") + "/meetings", plan.formatted("Lokaal\\u00002"),
                plan.formatted(MEGABYTE)));

        Map<String, String> before = snapshot();
        cases.forEach((field, uriAndBodies) -> {
            for (String body : uriAndBodies.subList(1, uriAndBodies.size())) {
                ApiClient.Answer answer = send("zorg.dijkstad", "POST", uriAndBodies.getFirst(), body);
                String shown = body.length() > 200 ? body.substring(0, 200) + "..." : body;
                answer.assertProblem(400, field);
                String message = (String) ((Map<?, ?>) ((List<?>) answer.map().get("errors")).getFirst()).get("message");
                assertTrue(message.matches(".*\\b(mag|is|bevat|datum|kan)\\b.*"), "a Dutch message for " + shown + ": " + message);
            }
        });
        assertEquals(before, snapshot(), "nothing written");
    }

    // ------------------------------------------------------------------------------------------- path variables

    @Test
    void pathVariablesOfTheWrongTypeAreA4xxProblem() {
        String token = tokens.get("zorg.dijkstad");
        for (String uri : List.of("/api/pupils/abc/consents", "/api/pupils/99999999999999999999999/consents",
                "/api/pupils/%00/consents", "/api/pupils/abc/closing", "/api/pupils/99999999999999999999/closing",
                "/api/consents/abc/withdraw", "/api/consents/-1/withdraw", "/api/meetings/9223372036854775808/move",
                "/api/meetings/1e309/cancel", "/api/agenda-items/abc/notes", "/api/data-subject-requests/abc/decision")) {
            for (String method : List.of("GET", "POST")) {
                ApiClient.Answer answer = api.call(HttpRequest.create(io.micronaut.http.HttpMethod.valueOf(method), uri)
                        .body("{}").contentType(MediaType.APPLICATION_JSON_TYPE), token);
                assertTrue(answer.status() >= 400 && answer.status() < 500, method + " " + uri + ": " + answer.status() + " " + answer.raw());
                assertTrue(answer.contentType().startsWith("application/problem+json"), method + " " + uri + ": " + answer.contentType());
            }
        }
        for (String query : List.of("abc", "99999999999999999999", "")) {
            ApiClient.Answer answer = api.call(HttpRequest.GET("/api/data-subject-requests?series=" + query), token);
            assertEquals(400, answer.status(), query + ": " + answer.raw());
        }
    }

    @Test
    void queryValuesOfTheWrongTypeOrOutOfRangeAreA400Problem() {
        Map<String, List<String>> byUser = Map.of(
                "zorg.dijkstad", List.of("/api/pupils?name=%00", "/api/pupils?schoolYear=99999999999",
                        "/api/pupils?schoolYear=abc", "/api/absence-signals?on=%2B999999999-12-31", "/api/absence-signals?on=0000-01-01",
                        "/api/absence-signals?on=2026-02-30", "/api/pupils/at-my-tables?x=%00",
                        "/api/absence-signals/export?on=2026-02-30", "/api/absence-signals/export?school=abc",
                        "/api/absence-signals/export?schoolYear=99999999999", "/api/absence-signals/export?withoutDuoReport=misschien",
                        "/api/absence-signals?sort=%00", "/api/absence-signals?kind=%00"),
                "fg", List.of("/api/access-log?from=0000-01-01", "/api/access-log?until=%2B999999999-12-31",
                        "/api/access-log?username=%00", "/api/access-log?pupilId=99999999999999999999", "/api/access-log?from=abc",
                        "/api/access-log?pupil=%00", "/api/access-log?pupil=%ED%A0%80", "/api/access-log?pupil=" + "x".repeat(201),
                        "/api/access-log?pupil=%25", "/api/access-log?pupil=12345678901", "/api/access-log/export?until=abc",
                        "/api/access-log/export?pupil=%00"));
        byUser.forEach((user, uris) -> {
            String token = tokens.computeIfAbsent(user, api::token);
            for (String uri : uris) {
                ApiClient.Answer answer = api.call(HttpRequest.GET(uri), token);
                if (uri.contains("?x=")) {
                    assertEquals(200, answer.status(), uri + ": an unknown query value is ignored: " + answer.raw());
                    continue;
                }
                assertEquals(400, answer.status(), uri + ": " + answer.raw());
                assertTrue(answer.contentType().startsWith("application/problem+json"), uri + ": " + answer.contentType());
            }
        });
    }

    // ------------------------------------------------------------------------------------------- helpers

    /**
     * Count and content hash of every table in {@code public}, except those in {@link #WRITTEN_BY_EVERY_REQUEST}.
     * The hash also catches an UPDATE (a consent withdrawn, a report closed), which a count would miss. Sign-in
     * attempts are not compared either way: the tokens are made before the first snapshot.
     */
    private Map<String, String> snapshot() {
        return tx.executeRead(status -> {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = status.getConnection().createStatement().executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            Map<String, String> tables = new TreeMap<>();
            for (String name : names) {
                if (WRITTEN_BY_EVERY_REQUEST.contains(name)) {
                    continue;
                }
                try (ResultSet rs = status.getConnection().createStatement().executeQuery(
                        "SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM public.\""
                                + name + "\" t")) {
                    rs.next();
                    tables.put(name, rs.getString(1));
                }
            }
            return tables;
        });
    }

    private Map<String, Object> bodySchema(Map<String, Object> operation) {
        if (operation.get("requestBody") == null) {
            return null;
        }
        Map<String, Object> content = map(map(operation.get("requestBody")).get("content"));
        Object json = content.get("application/json");
        return json == null ? null : resolve(map(map(json).get("schema")));
    }

    /** Follows {@code $ref} and a single {@code allOf} (how nullable enums and records are described). */
    private Map<String, Object> resolve(Map<String, Object> schema) {
        if (schema.get("$ref") instanceof String ref) {
            return resolve(map(map(map(document.get("components")).get("schemas")).get(ref.substring(ref.lastIndexOf('/') + 1))));
        }
        if (schema.get("allOf") instanceof List<?> all && all.size() == 1) {
            return resolve(map(all.getFirst()));
        }
        return schema;
    }

    private ApiClient.Answer send(String username, String method, String uri, String body) {
        return api.call(HttpRequest.create(io.micronaut.http.HttpMethod.valueOf(method), uri).body(body)
                .contentType(MediaType.APPLICATION_JSON_TYPE), tokens.get(username));
    }

    private static long id(ApiClient.Answer answer, int status) {
        return ((Number) answer.body(status).get("id")).longValue();
    }

    private long number(String sql) {
        return tx.executeRead(status -> {
            try (ResultSet rs = status.getConnection().createStatement().executeQuery(sql)) {
                if (!rs.next()) {
                    throw new IllegalStateException("nothing for " + sql);
                }
                return rs.getLong(1);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }
}
