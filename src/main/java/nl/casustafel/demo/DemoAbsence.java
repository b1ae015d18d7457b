package nl.casustafel.demo;

import jakarta.inject.Singleton;
import nl.casustafel.absence.AbsenceCsv;
import nl.casustafel.absence.AbsenceImporter;
import nl.casustafel.absence.ImportReport;
import nl.casustafel.account.AccountService;
import nl.casustafel.platform.ConfigFiles;
import nl.casustafel.platform.YamlNode;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/** Imports the demo region's absence exports ({@code absenceImports:} in region.yaml) as the school's care coordinator. */
@Singleton
class DemoAbsence {

    private final ConfigFiles config;
    private final AbsenceImporter importer;
    private final AccountService accounts;

    DemoAbsence(ConfigFiles config, AbsenceImporter importer, AccountService accounts) {
        this.config = config;
        this.importer = importer;
        this.accounts = accounts;
    }

    void load(YamlNode region) {
        for (YamlNode i : region.list("absenceImports")) {
            try (Reader reader = config.reader(i.text("file"))) {
                ImportReport report = importer.run(accounts.viewer(i.text("importedBy")).orElseThrow(() -> i.error("names an unknown user")),
                        AbsenceCsv.open(reader), AbsenceImporter.Mode.IMPORT, rows -> { });
                if (!report.clean()) {
                    throw i.error("has rejected rows: " + report.rejected());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
