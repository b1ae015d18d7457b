package nl.casustafel.absence;

/**
 * What an import (or its preview) really did, said in Dutch: how many records were added, changed, already there
 * and rejected; "niets nieuw" when nothing would change or changed; never "geïmporteerd" when nothing was stored.
 */
final class ImportOutcome {

    /** The UI's translations ({@code getTranslation}), so that the texts stay in the bundle. */
    @FunctionalInterface
    interface Texts {
        String get(String key, Object... args);
    }

    private ImportOutcome() {
    }

    /** True when the file holds something to store: no rejected row, and a new or changed record. */
    static boolean worthImporting(ImportReport report) {
        return report.clean() && report.added() + report.changed() > 0;
    }

    /** The status line after a preview or an import. */
    static String status(ImportReport report, AbsenceImporter.Mode mode, Texts texts) {
        boolean preview = mode == AbsenceImporter.Mode.PREVIEW;
        if (report.rowsRead() == 0) {
            return texts.get("absence.import.empty");
        }
        if (!report.clean()) {
            return preview ? texts.get("absence.import.previewRejected", report.rejectedCount())
                    : texts.get("absence.import.nothing", report.rejectedCount());
        }
        if (report.added() + report.changed() == 0) {
            return texts.get(preview ? "absence.import.previewNothingNew" : "absence.import.nothingNew", report.unchanged());
        }
        return texts.get(preview ? "absence.import.previewClean" : "absence.import.done",
                report.added(), report.changed(), report.unchanged(), report.rejectedCount());
    }
}
