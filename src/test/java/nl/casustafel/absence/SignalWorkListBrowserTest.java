package nl.casustafel.absence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.Browser;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.platform.UiServer;
import nl.casustafel.privacy.BsnCipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The care coordinator works the signal list: filters and sorts it, opens a pupil from a row with Enter, opens the
 * DUO report dialog from a row; and the import preview names the school's own pupils.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignalWorkListBrowserTest implements CasustafelTestProperties {

    private static final String LIST = "/verzuim/signalen?peildatum=2026-11-25"; // the demo export runs up to 24 November 2026
    private static final int PUPIL = 0;
    private static final int YEAR = 1;

    @Inject
    UiServer ui;
    @Inject
    TestSql sql;
    @Inject
    BsnCipher bsns;

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @Test
    void theCoordinatorFiltersAndSortsTheListAndOpensAPupilByKeyboardAndTheDuoDialogFromARow() {
        try (Browser school = new Browser(ui.port())) {
            school.signIn("zorg.dijkstad", ApiClient.DEMO_PASSWORD);
            school.open(LIST);
            school.visibleWithText("#signal-grid vaadin-grid-cell-content", "Beginnend verzuim");
            List<List<String>> all = rows(school);
            assertTrue(all.size() > 1, "the demo puts pupils on the list");

            // filter: one school year
            String year = all.getFirst().get(YEAR);
            school.select("#signal-year", year);
            assertTrue(school.eventually(() -> rows(school).stream().allMatch(r -> r.get(YEAR).equals(year))), "only school year " + year);
            assertTrue(school.text("#signal-count").matches("\\d+ leerling\\(en\\)"), school.text("#signal-count"));

            // the export is the list as filtered
            String csv = (String) ((JavascriptExecutor) school.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.querySelector('#signal-export').href).then(r => r.text()).then(done, e => done('fout: ' + e));
                    """);
            List<String> lines = csv.lines().toList();
            // (fetch's text() drops the byte order mark)
            assertTrue(lines.getFirst().replace("\uFEFF", "").startsWith("Leerling;Leerjaar;Signalen;"), lines.getFirst());
            assertTrue(lines.size() > 1 && lines.stream().skip(1).allMatch(l -> l.split(";")[1].equals(year)), csv);

            // sort: pupil Z to A, by the Dutch label of the sort
            school.open(LIST);
            school.select("#signal-sort", "Leerling (Z\u2013A)");
            Comparator<String> dutch = Collator.getInstance(Locale.of("nl", "NL"))::compare;
            assertTrue(school.eventually(() -> {
                List<String> names = rows(school).stream().map(r -> r.get(PUPIL)).toList();
                return names.size() > 1 && names.equals(names.stream().sorted(dutch.reversed()).toList());
            }), "sorted by pupil, Z to A: " + rows(school));

            // Enter on a focused row opens the pupil
            List<String> first = rows(school).getFirst();
            WebElement yearCell = cell(school, 0, YEAR);
            yearCell.click();
            school.waitForVaadin();
            new Actions(school.driver()).sendKeys(Keys.ENTER).perform();
            assertTrue(school.eventually(() -> school.path().startsWith("/leerling/")), school.path());
            school.visibleWithText("#pupil-title", first.get(PUPIL));

            // the row's DUO button opens the school's DUO report dialog for that pupil
            school.open(LIST);
            school.visibleWithText("#signal-grid vaadin-grid-cell-content", "Beginnend verzuim");
            ((JavascriptExecutor) school.driver()).executeScript("arguments[0].click();",
                    school.element("#signal-grid vaadin-button.signal-duo"));
            school.waitForVaadin();
            school.visibleWithText("vaadin-dialog-overlay, vaadin-dialog", "DUO-melding vastleggen");
            assertTrue(school.isPresent("#duo-kind") && school.isPresent("#duo-reference"), "the DUO report form");
        }
    }

    @Test
    void theImportPreviewNamesTheSchoolsOwnPupilsAndNotTheOthers() throws Exception {
        Path file = Files.createTempFile("verzuim", ".csv");
        Files.writeString(file, "registratie_id;brin;bsn;datum;lesuur;dagdeel;soort;uren;redencode\n"
                + "UIB-1;02CD;243078353;2026-11-30;5;;ONGEOORLOOFD;1;ONG\n"
                + "UIB-2;02CD;999999999;2026-11-30;5;;ONGEOORLOOFD;1;ONG\n");
        try (Browser school = new Browser(ui.port())) {
            school.signIn("zorg.dijkstad", ApiClient.DEMO_PASSWORD);
            school.open("/verzuim/import");
            WebElement upload = school.element("#absence-upload");
            WebElement input = (WebElement) ((JavascriptExecutor) school.driver()).executeScript(
                    "const u = arguments[0]; return u.querySelector('input[type=file]')"
                            + " || (u.shadowRoot && u.shadowRoot.querySelector('input[type=file]'));", upload);
            input.sendKeys(file.toString());
            school.visibleWithText("#absence-sample vaadin-grid-cell-content", nameOf("243078353"));
            school.visibleWithText("#absence-rejected vaadin-grid-cell-content", "onbekende leerling");
            assertFalse(String.join(" ", school.gridCells("#absence-rejected")).contains("999999999"), "no BSN shown back");
            assertTrue(school.text("#absence-status").contains("1 regel(s) afgewezen"), school.text("#absence-status"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The rendered rows of the signal grid, each as its cells' texts (the pupil cell: the name or alias only). */
    @SuppressWarnings("unchecked")
    private static List<List<String>> rows(Browser browser) {
        browser.waitForVaadin();
        return (List<List<String>>) ((JavascriptExecutor) browser.driver()).executeScript("""
                const grid = document.querySelector('#signal-grid');
                const rows = new Map();
                grid.querySelectorAll('vaadin-grid-cell-content').forEach(c => {
                  const td = c.assignedSlot && c.assignedSlot.parentElement;
                  const tr = td && td.parentElement;
                  if (!td || td.localName !== 'td' || !tr || tr.hidden || !tr.parentElement || tr.parentElement.id !== 'items') return;
                  if (!rows.has(tr)) rows.set(tr, []);
                  const label = c.querySelector('.pupil-label');
                  rows.get(tr)[Array.from(tr.children).indexOf(td)] = (label || c).textContent.trim();
                });
                return Array.from(rows.entries()).filter(e => e[1].length > 0 && e[1][0])
                  .sort((a, b) => a[0].index - b[0].index).map(e => Array.from(e[1], t => t || ''));
                """);
    }

    private static WebElement cell(Browser browser, int row, int column) {
        return (WebElement) ((JavascriptExecutor) browser.driver()).executeScript("""
                const grid = document.querySelector('#signal-grid');
                const trs = Array.from(grid.shadowRoot.querySelectorAll('#items tr')).filter(tr => !tr.hidden)
                  .sort((a, b) => a.index - b.index);
                const td = trs[arguments[0]].children[arguments[1]];
                return td.querySelector('slot').assignedNodes()[0];
                """, row, column);
    }

    private String nameOf(String bsn) {
        return sql.query("SELECT given_name || ' ' || family_name FROM pupil_identity WHERE bsn_index = ?", s -> {
            s.setBytes(1, bsns.index(bsn));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}
