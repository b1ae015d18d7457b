package nl.casustafel.meeting;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.Browser;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.absence.TestSql;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.ClockFactory;
import nl.casustafel.platform.UiServer;
import nl.casustafel.plan.PlanWriter;
import nl.casustafel.plan.PlanViews;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan van aanpak of a thuiszitterstafel case in the browser: the procesbewaker draws it up on the pupil
 * page, the CJG (responsible for an intervention) reports progress, the next meeting's agenda item shows the
 * plan and the report, and an evaluation is recorded.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanVanAanpakBrowserTest implements CasustafelTestProperties {

    @Inject
    UiServer ui;
    @Inject
    MeetingFixtures fixtures;
    @Inject
    MeetingPlanning planning;
    @Inject
    AgendaRegistration registration;
    @Inject
    PlanWriter plans;
    @Inject
    TestSql sql;
    @Inject
    MeetingSeriesRepository series;
    private final List<Long> tables = new ArrayList<>();
    private final List<Long> pupils = new ArrayList<>();

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @AfterAll
    void cleanUp() {
        tables.forEach(t -> sql.update("DELETE FROM case_plan WHERE series_id = " + t));
        pupils.forEach(p -> sql.update("DELETE FROM parent_notification WHERE pupil_id = " + p));
    }

    @Test
    void procesbewakerDrawsUpThePlanTheCjgReportsProgressAndTheMeetingShowsIt() {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.THUISZITTERSTAFEL);
        tables.add(table.id());
        Viewer chair = fixtures.chairOf(table);
        long pupil = fixtures.freshPupil(MeetingFixtures.DIJKSTAD_COLLEGE, MeetingFixtures.DIJKSTAD);
        pupils.add(pupil);
        LocalDate today = LocalDate.now(ClockFactory.AMSTERDAM);
        long notification = sql.query("INSERT INTO parent_notification (pupil_id, notifying_party_id, purpose, notified_on, recorded_by) "
                + "SELECT " + pupil + ", u.party_id, 'THUISZITTERSTAFEL', DATE '" + today + "', u.id FROM user_account u "
                + "WHERE u.username = 'zorg.dijkstad' RETURNING id", st -> {
            var rs = st.executeQuery();
            rs.next();
            return rs.getLong(1);
        });
        sql.update("INSERT INTO parent_notification_party (notification_id, party_id) SELECT " + notification + ", p.id FROM party p "
                + "WHERE p.name IN ('Samenwerkingsverband Passend Onderwijs Dijkstreek', 'CJG Dijkstreek (JGZ)')");
        series.addCase(table.id(), pupil, "PARTIAL_OR_NO_CAPACITY", null, fixtures.viewer("zorg.dijkstad").userId());
        Meeting meeting = planning.plan(chair, table.id(), Instant.now().plus(2, ChronoUnit.HOURS), null);
        registration.register(chair, meeting.id(), new AgendaRegistration.Registration(pupil, null, "PARTIAL_OR_NO_CAPACITY",
                true, true, true, "Zorgcoördinator Dijkstad College"));
        String page = "/leerling/" + pupil + "?tafel=" + table.id();

        try (Browser swv = new Browser(ui.port())) {
            swv.signIn(chair.username(), ApiClient.DEMO_PASSWORD);
            swv.open(page);
            shows(swv, "#plan-none", "nog geen plan van aanpak");
            swv.press("#plan-create");
            shows(swv, "#plan-none", "nog geen plan van aanpak"); // refused: a plan starts with a goal
            assertTrue(swv.eventually(() -> Boolean.TRUE.equals(swv.script("return document.querySelector('#plan-first-goal').invalid"))),
                    "the goal field tells what is missing");
            swv.type("#plan-first-goal", "Binnen zes weken weer drie ochtenden op school");
            swv.press("#plan-create");
            shows(swv, "#plan-status", "Lopend (versie 1)");
            shows(swv, "#plan-goals", "Binnen zes weken weer drie ochtenden op school");
            swv.type("#plan-goal-text", "Rust in het gezin rond het opstaan");
            swv.press("#plan-goal-add");
            shows(swv, "#plan-goals", "Rust in het gezin rond het opstaan");
            shows(swv, "#plan-status", "Lopend (versie 2)");
            shows(swv, "#plan-versions", "Doel toegevoegd");
        }
        // The CJG carries out an intervention, and an evaluation moment is planned today (set up through the service).
        Viewer nurse = fixtures.viewer("jgz.verpleegkundige");
        long cjg = sql.query("SELECT id FROM party WHERE name = 'CJG Dijkstreek (JGZ)'", st -> {
            var rs = st.executeQuery();
            rs.next();
            return rs.getLong(1);
        });
        plans.save(chair, pupil, table.id(), new PlanViews.Draft(null, null, null,
                List.of(new PlanViews.InterventionDraft(null, nl.casustafel.plan.PlanLine.InterventionKind.YOUTH_CARE, "Gesprekken over slaapritme",
                        cjg, nurse.userId(), today, today.plusDays(40))), null,
                List.of(new PlanViews.EvaluationDraft(null, today, false, null))));

        try (Browser cjgBrowser = new Browser(ui.port())) {
            cjgBrowser.signIn(nurse.username(), ApiClient.DEMO_PASSWORD);
            cjgBrowser.open(page);
            shows(cjgBrowser, "#plan-interventions", "Gesprekken over slaapritme");
            cjgBrowser.element("#plan-progress-text textarea").sendKeys("Twee gesprekken gevoerd; slaapritme iets beter");
            cjgBrowser.press("#plan-progress-add");
            shows(cjgBrowser, "#plan-progress", "Twee gesprekken gevoerd");
        }

        try (Browser swv = new Browser(ui.port())) {
            swv.signIn(chair.username(), ApiClient.DEMO_PASSWORD);
            swv.open("/overleg/" + meeting.id());
            shows(swv, "#meeting-plan", "Plan van aanpak");
            shows(swv, "#meeting-plan #plan-goals", "Binnen zes weken weer drie ochtenden op school");
            shows(swv, "#meeting-plan #plan-progress", "Twee gesprekken gevoerd");
            shows(swv, "#meeting-plan #plan-due", "Evaluatiemoment op");
            // Refreshed live: a report written meanwhile appears on the open meeting screen without reloading.
            plans.addProgress(nurse, pupil, table.id(), "Vandaag hele ochtend op school geweest", null);
            shows(swv, "#meeting-plan #plan-progress", "Vandaag hele ochtend op school geweest");

            swv.open(page);
            swv.element(".plan-evaluation-conclusion textarea").sendKeys("Eerste stappen gezet; rooster uitbreiden");
            swv.press(".plan-evaluation-record");
            shows(swv, "#plan-evaluations", "geëvalueerd: Eerste stappen gezet; rooster uitbreiden");
            shows(swv, "#plan-versions", "Evaluatiemoment gewijzigd");
        }
        try (Browser officer = new Browser(ui.port())) {
            officer.signIn("leerplicht.dijkstad", ApiClient.DEMO_PASSWORD);
            officer.open("/overleg/" + meeting.id());
            shows(officer, "#meeting-plan", "Plan van aanpak");
            String shown = officer.driver().getPageSource();
            assertFalse(shown.contains("Binnen zes weken") || shown.contains(fixtures.identity(pupil).familyName()),
                    "the officer sees the pupil under its alias: nothing written by name");
            assertTrue(officer.text("#meeting-plan").contains("onderdelen van het plan van aanpak")
                    || officer.text("#meeting-plan").contains("onderdeel van het plan van aanpak"), "told what is withheld");
        }
    }

    /** Waits until the element's rendered text (innerText) contains the text; fails the test otherwise. */
    private static void shows(Browser browser, String css, String text) {
        boolean shown = browser.eventually(() -> {
            Object inner = browser.script("const e = document.querySelector(arguments[0]); return e ? e.innerText : '';", css);
            return inner != null && inner.toString().contains(text);
        });
        assertTrue(shown, css + " never showed '" + text + "': " + browser.script(
                "const e = document.querySelector(arguments[0]); return e ? e.innerText : 'absent';", css));
    }
}
