package nl.casustafel.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.account.AccountService;
import nl.casustafel.account.Viewer;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.pupil.PupilSearch;
import nl.casustafel.pupil.PupilService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogTest implements CasustafelTestProperties {

    @Inject
    PupilService pupils;
    @Inject
    AccountService accounts;
    @Inject
    AccessLogChain chain;
    @Inject
    PupilReader reader;
    @Inject
    JdbcOperations jdbc;
    @Inject
    TransactionOperations<Connection> tx;

    @Test
    void everyIdentifiedPupilInAListIsLogged() {
        Viewer coordinator = accounts.viewer("zorg.regenboog").orElseThrow();
        long before = lastId();
        int shown = pupils.listOwnSchools(coordinator, new PupilSearch(null, 3)).size();
        long logged = rowsSince(before, "zorg.regenboog").size();
        assertTrue(shown > 0);
        assertEquals(shown, logged);
    }

    @Test
    void aPupilReadTwiceInOneTransactionIsLoggedOnceAndAgainInTheNextOne() {
        Viewer coordinator = accounts.viewer("zorg.regenboog").orElseThrow();
        long pupil = pupils.listOwnSchools(coordinator, new PupilSearch(null, 1)).getFirst().pupilId();
        long before = lastId();
        tx.executeWrite(s -> {
            reader.read(coordinator, pupil, null, "leerlingpagina");
            reader.read(coordinator, List.of(pupil, pupil), null, "leerlingpagina, DUO-meldingen");
            return null;
        });
        assertEquals(List.of("leerlingpagina"), contextsSince(before, pupil), "one read, one row: the first context stands");
        reader.read(coordinator, pupil, null, "leerlingpagina");
        assertEquals(List.of("leerlingpagina", "leerlingpagina"), contextsSince(before, pupil), "a next read is logged again");
    }

    @Test
    void theLogRefusesUpdateAndDelete() {
        pupils.listOwnSchools(accounts.viewer("zorg.regenboog").orElseThrow(), PupilSearch.all());
        assertThrows(Exception.class, () -> tx.executeWrite(s -> jdbc.prepareStatement(
                "UPDATE access_log SET username = 'someone' WHERE id = (SELECT max(id) FROM access_log)", st -> st.executeUpdate())));
        assertThrows(Exception.class, () -> tx.executeWrite(s -> jdbc.prepareStatement(
                "DELETE FROM access_log", st -> st.executeUpdate())));
        assertTrue(chain.verify().intact());
    }

    @Test
    void aRowChangedBehindTheTriggersBackBreaksTheChainAtThatRow() {
        pupils.listOwnSchools(accounts.viewer("zorg.regenboog").orElseThrow(), PupilSearch.all());
        long target = lastId() - 1;
        String original = tx.executeRead(s -> jdbc.prepareStatement("SELECT username FROM access_log WHERE id = ?", st -> {
            st.setLong(1, target);
            var rs = st.executeQuery();
            rs.next();
            return rs.getString(1);
        }));
        try {
            setUsername(target, "iemand-anders");
            AccessLogChain.Verification broken = chain.verify();
            assertFalse(broken.intact());
            assertEquals(target, broken.firstBrokenRow());
        } finally {
            setUsername(target, original);
        }
        assertTrue(chain.verify().intact());
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

    private List<String> contextsSince(long afterId, long pupilId) {
        return rowsSince(afterId, "zorg.regenboog").stream().filter(r -> r.pupilId() == pupilId).map(Row::context).toList();
    }

    private record Row(long pupilId, String context) {
    }

    /** The user's rows after {@code afterId}, oldest first. */
    private List<Row> rowsSince(long afterId, String username) {
        return tx.executeRead(s -> jdbc.prepareStatement(
                "SELECT pupil_id, context FROM access_log WHERE id > ? AND username = ? ORDER BY id", st -> {
                    st.setLong(1, afterId);
                    st.setString(2, username);
                    List<Row> rows = new java.util.ArrayList<>();
                    try (var rs = st.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new Row(rs.getLong(1), rs.getString(2)));
                        }
                    }
                    return rows;
                }));
    }

    private long lastId() {
        return tx.executeRead(s -> jdbc.prepareStatement("SELECT coalesce(max(id), 0) FROM access_log", st -> {
            var rs = st.executeQuery();
            rs.next();
            return rs.getLong(1);
        }));
    }
}
