package nl.casustafel.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.Browser;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.account.AccountService;
import nl.casustafel.platform.UiServer;
import nl.casustafel.pupil.PupilSearch;
import nl.casustafel.pupil.PupilService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The privacy officer sees on the Toegangslogboek page whether the log is whole, and if not, which row broke and how. */
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
