package nl.casustafel.oversight;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.Browser;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.account.AccountService;
import nl.casustafel.platform.UiServer;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.PupilIdentity;
import nl.casustafel.privacy.PupilIdentityRepository;
import nl.casustafel.pupil.PupilSearch;
import nl.casustafel.pupil.PupilService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The privacy officer sees on the Toegangslogboek page whether the log is whole, and if not, which row broke
 * and how; searches it by a pupil's name and sees who read the pupil, to the second; and is told why a
 * search found nothing.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogBrowserTest implements CasustafelTestProperties {

    @Inject
    UiServer ui;
    @Inject
    PupilService pupils;
    @Inject
    AccountService accounts;
    @Inject
    JdbcOperations jdbc;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    PupilIdentityRepository identities;
    @Inject
    PupilReader reader;

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @Test
    void thePrivacyOfficerSeesWhetherTheLogIsWholeAndWhereItBroke() {
        pupils.listOwnSchools(accounts.viewer("zorg.regenboog").orElseThrow(), PupilSearch.all());
        try (Browser browser = new Browser(ui.port())) {
            browser.signIn("fg", ApiClient.DEMO_PASSWORD);
            browser.open("/toegangslogboek");
            browser.waitForText("#log-chain", "Logboek intact");
            assertTrue(browser.text("#log-chain-explanation").contains("ondertekende controlepunten gecontroleerd"),
                    browser.text("#log-chain-explanation"));

            long target = lastId() - 1;
            String original = username(target);
            try {
                setUsername(target, "iemand-anders");
                browser.open("/toegangslogboek");
                browser.waitForText("#log-chain", "Logboek beschadigd vanaf regel " + target);
                browser.waitForText("#log-chain-explanation", "Regel " + target + " is gewijzigd");
            } finally {
                setUsername(target, original);
            }
            browser.open("/toegangslogboek");
            browser.waitForText("#log-chain", "Logboek intact");
        }
    }

    @Test
    void thePrivacyOfficerSearchesByAPupilsNameAndSeesWhoReadItToTheSecond() {
        PupilIdentity pupil = identities.findByBsn("283158839").orElseThrow(); // Dijkstad College
        assertTrue(reader.read(accounts.viewer("zorg.dijkstad").orElseThrow(), pupil.pupilId(), null, "leerlingpagina").isPresent());
        try (Browser browser = new Browser(ui.port())) {
            browser.signIn("fg", ApiClient.DEMO_PASSWORD);
            browser.click("vaadin-side-nav-item", "Toegangslogboek");
            browser.waitForText("#log-chain", "Logboek intact");

            browser.type("#log-pupil", pupil.fullName());
            browser.press("#log-search");
            browser.eventually(() -> browser.gridCells("#log-grid").contains(pupil.fullName()));
            List<String> cells = browser.gridCells("#log-grid");
            assertTrue(cells.contains(pupil.fullName()), cells.toString());
            assertTrue(cells.contains("zorg.dijkstad"), "the school's read is listed: " + cells);
            assertTrue(cells.contains("Toezicht FG"), "and the officer's own look-up: " + cells);
            Pattern second = Pattern.compile("\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}:\\d{2}");
            assertTrue(cells.stream().anyMatch(c -> second.matcher(c).matches()), "full timestamps: " + cells);
            assertFalse(cells.contains("283158839"));
            assertFalse(browser.element("#log-export").getDomAttribute("href").isBlank());
            String csv = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch(document.querySelector('#log-export').href).then(r => r.text()).then(done, e => done('' + e));");
            assertTrue(csv.contains(";" + pupil.fullName() + ";"), csv);

            browser.type("#log-pupil", "Xqzwvyk");
            browser.press("#log-search");
            browser.waitForText("#log-explanation", "Geen regels gevonden: er is geen leerling met deze naam bekend.");
            assertTrue(browser.text("#log-explanation").startsWith("Gezocht: leerling met „Xqzwvyk” in de naam"));
        }
    }

    private void setUsername(long id, String username) {
        tx.executeWrite(s -> jdbc.prepareStatement("""
                ALTER TABLE access_log DISABLE TRIGGER access_log_append_only;
                UPDATE access_log SET username = ? WHERE id = ?;
                ALTER TABLE access_log ENABLE TRIGGER access_log_append_only;
                """, st -> {
            st.setString(1, username);
            st.setLong(2, id);
            return st.execute();
        }));
    }

    private String username(long id) {
        return tx.executeRead(s -> jdbc.prepareStatement("SELECT username FROM access_log WHERE id = ?", st -> {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }));
    }

    private long lastId() {
        return tx.executeRead(s -> jdbc.prepareStatement("SELECT coalesce(max(id), 0) FROM access_log", st -> {
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }
}
