package nl.casustafel.absence;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.account.AccountService;
import nl.casustafel.account.Viewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import says what really happened: counts of added, changed, unchanged and rejected; "niets nieuw" for a no-op. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportOutcomeTest implements CasustafelTestProperties {

    private static final String HEADER = "registratie_id;brin;bsn;datum;lesuur;dagdeel;soort;uren;redencode\n";
    private static final String ROW_1 = "IO-1;02CD;243078353;2026-11-30;1;;ONGEOORLOOFD;1;ONG\n";
    private static final String ROW_2 = "IO-2;02CD;243078353;2026-11-30;2;;ONGEOORLOOFD;1;ONG\n";
    private static final Locale DUTCH = Locale.of("nl", "NL");

    @Inject
    AbsenceImporter importer;
    @Inject
    AccountService accounts;
    @Inject
    TestSql sql;
    private final DefaultI18NProvider translations = new DefaultI18NProvider(List.of(DUTCH));

    @BeforeEach
    @AfterEach
    void clean() {
        sql.update("DELETE FROM absence_record WHERE source_id LIKE 'IO-%'");
    }

    @Test
    void importingTheSameFileAgainSaysThereWasNothingNew() {
        assertEquals("Verzuim opgeslagen: 2 toegevoegd, 0 gewijzigd, 0 ongewijzigd, 0 afgewezen.",
                message(HEADER + ROW_1 + ROW_2, AbsenceImporter.Mode.IMPORT));

        ImportReport preview = run(HEADER + ROW_1 + ROW_2, AbsenceImporter.Mode.PREVIEW);
        assertEquals("Controle klaar: er is niets nieuw. Alle 2 registraties staan er al ongewijzigd; importeren is niet nodig.",
                ImportOutcome.status(preview, AbsenceImporter.Mode.PREVIEW, this::text));
        assertFalse(ImportOutcome.worthImporting(preview), "no import button for a file with nothing new");

        String again = message(HEADER + ROW_1 + ROW_2, AbsenceImporter.Mode.IMPORT);
        assertEquals("Er was niets nieuw: alle 2 registraties stonden er al ongewijzigd. Er is niets veranderd.", again);
        assertFalse(again.contains("geïmporteerd"));
    }

    @Test
    void aFilePartlyAlreadyThereCountsAddedChangedAndUnchanged() {
        message(HEADER + ROW_1 + ROW_2, AbsenceImporter.Mode.IMPORT);
        String changed = "IO-2;02CD;243078353;2026-11-30;2;;ONGEOORLOOFD;0.5;ONG\n";
        String added = "IO-3;02CD;243078353;2026-11-30;3;;ONGEOORLOOFD;1;ONG\n";

        ImportReport preview = run(HEADER + ROW_1 + changed + added, AbsenceImporter.Mode.PREVIEW);
        assertEquals("Controle klaar, alle regels zijn in orde: 1 nieuw, 1 gewijzigd, 1 ongewijzigd, 0 afgewezen. Klik op Importeren om ze op te slaan.",
                ImportOutcome.status(preview, AbsenceImporter.Mode.PREVIEW, this::text));
        assertTrue(ImportOutcome.worthImporting(preview));
        assertEquals("Verzuim opgeslagen: 1 toegevoegd, 1 gewijzigd, 1 ongewijzigd, 0 afgewezen.",
                message(HEADER + ROW_1 + changed + added, AbsenceImporter.Mode.IMPORT));
    }

    @Test
    void aFileWithARejectedRowSaysNothingWasImportedAndHowManyRowsWereRejected() {
        String bad = "IO-4;02CD;243078353;2026-11-30;11;;ONGEOORLOOFD;1;ONG\n";
        String message = message(HEADER + ROW_1 + ROW_2 + bad, AbsenceImporter.Mode.IMPORT);
        assertEquals("Er is niets geïmporteerd: 1 regel(s) afgewezen. Verbeter het bestand en kies het opnieuw.", message);
        int stored = sql.query("SELECT count(*) FROM absence_record WHERE source_id LIKE 'IO-%'", s -> {
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertEquals(0, stored, "nothing half-written");
    }

    @Test
    void aFileWithOnlyItsHeaderSaysSo() {
        assertEquals("Het bestand bevat geen registraties onder de kopregel. Er is niets ingelezen.", message(HEADER, AbsenceImporter.Mode.IMPORT));
    }

    private String message(String file, AbsenceImporter.Mode mode) {
        return ImportOutcome.status(run(file, mode), mode, this::text);
    }

    private ImportReport run(String file, AbsenceImporter.Mode mode) {
        Viewer viewer = accounts.viewer("zorg.dijkstad").orElseThrow();
        return importer.run(viewer, AbsenceCsv.open(new StringReader(file)), mode, n -> { });
    }

    private String text(String key, Object... args) {
        return translations.getTranslation(key, DUTCH, args);
    }
}
