package nl.casustafel.absence;

import nl.casustafel.platform.DutchDates;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.ui.NarrowScreens;
import nl.casustafel.ui.CurrentUser;
import nl.casustafel.ui.DutchComponentTexts;
import nl.casustafel.ui.Forms;
import nl.casustafel.ui.MainLayout;

import java.io.File;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Verzuim importeren: the care coordinator uploads the school's absence export (to a temporary
 * file, never held in memory), sees the preview (what will be imported and every rejected row with
 * its line and reason) and imports it, all or nothing, with progress.
 */
@Menu(title = "nav.absenceImport", order = 4, icon = "vaadin:upload")
@Route(value = "verzuim/import", layout = MainLayout.class)
@PageTitle("Verzuim importeren | Casustafel")
@RolesAllowed("CARE_COORDINATOR")
@Prototype
public class AbsenceImportView extends VerticalLayout {


    private final AbsenceImporter importer;
    private final ImportPreviewNames names;
    private final Viewer viewer = CurrentUser.require();
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Span status = new Span();
    private final Paragraph summary = new Paragraph();
    private final Grid<ImportReport.RejectedRow> rejected = new Grid<>();
    private final Grid<AbsenceRecord> sample = new Grid<>();
    private final Button importButton = new Button();
    private File file;
    /** The pupils of the shown preview rows by name, as the kernel gave them. */
    private Map<Long, String> pupilNames = Map.of();

    public AbsenceImportView(AbsenceImporter importer, ImportPreviewNames names) {
        this.importer = importer;
        this.names = names;
        setWidthFull();
        Upload upload = new Upload(UploadHandler.toTempFile((metadata, uploaded) ->
                getUI().ifPresent(ui -> ui.access(() -> received(uploaded)))));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setI18n(DutchComponentTexts.upload(this::getTranslation));
        upload.setId("absence-upload");
        progress.setVisible(false);
        progress.setId("absence-progress");
        status.setId("absence-status");
        summary.setId("absence-summary");
        rejected.addColumn(ImportReport.RejectedRow::line).setHeader(getTranslation("absence.import.col.line")).setFlexGrow(0).setWidth("8em");
        rejected.addColumn(ImportReport.RejectedRow::reason).setHeader(getTranslation("absence.import.col.reason"));
        rejected.setId("absence-rejected");
        rejected.setHeight("16em"); // scrolls through every listed rejection
        rejected.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        rejected.setVisible(false);
        sample.addColumn(AbsenceRecord::line).setHeader(getTranslation("absence.import.col.line")).setFlexGrow(0).setWidth("8em");
        Grid.Column<AbsenceRecord> recordId = sample.addColumn(AbsenceRecord::recordId).setHeader(getTranslation("absence.import.col.recordId"));
        NarrowScreens.hideWhenNarrow(sample, recordId);
        sample.addColumn(r -> pupilNames.getOrDefault(r.pupilId(), getTranslation("absence.import.pupilNotShown")))
                .setHeader(getTranslation("absence.import.col.pupil")).setFlexGrow(2);
        sample.addColumn(r -> DutchDates.DATE.format(r.date())).setHeader(getTranslation("absence.import.col.date"));
        sample.addColumn(r -> r.lessonHour() != null ? getTranslation("absence.import.hour", r.lessonHour())
                : getTranslation("absence.partOfDay." + r.partOfDay().name())).setHeader(getTranslation("absence.import.col.slot"));
        sample.addColumn(r -> r.kind().label()).setHeader(getTranslation("absence.import.col.kind"));
        sample.addColumn(r -> r.hours().stripTrailingZeros().toPlainString().replace('.', ',') + " "
                + getTranslation("absence.unit." + r.unit().name())).setHeader(getTranslation("absence.import.col.hours"));
        sample.setId("absence-sample");
        sample.setHeight("28em"); // scrolls through every preview row
        sample.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        sample.setVisible(false);
        importButton.setText(getTranslation("absence.import.run"));
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setEnabled(false);
        importButton.setId("absence-import");
        importButton.addClickListener(e -> run(AbsenceImporter.Mode.IMPORT));
        add(new H2(getTranslation("absence.import.title")), new Paragraph(getTranslation("absence.import.intro")), upload,
                progress, status, summary, importButton, new H3(getTranslation("absence.import.rejected")), rejected,
                new H3(getTranslation("absence.import.sample")), sample);
    }

    private void received(File uploaded) {
        if (file != null) {
            file.delete();
        }
        file = uploaded;
        run(AbsenceImporter.Mode.PREVIEW);
    }

    /** Reads the file in the background and keeps the progress bar moving; the page stays usable. */
    private void run(AbsenceImporter.Mode mode) {
        UI ui = UI.getCurrent();
        File source = file;
        long size = Math.max(1, source.length());
        importButton.setEnabled(false);
        progress.setValue(0);
        progress.setVisible(true);
        status.setText(getTranslation(mode == AbsenceImporter.Mode.PREVIEW ? "absence.import.checking" : "absence.import.importing"));
        Thread.ofVirtual().start(() -> {
            try (CountingStream in = new CountingStream(Files.newInputStream(source.toPath()))) {
                ImportReport report = importer.run(viewer, AbsenceCsv.open(new InputStreamReader(in, StandardCharsets.UTF_8)), mode,
                        rows -> ui.access(() -> progress.setValue(Math.min(1.0, in.count / (double) size))));
                Map<Long, String> named = names.of(viewer, report.sample());
                ui.access(() -> show(report, mode, named));
            } catch (InvalidInputException e) {
                ui.access(() -> {
                    progress.setVisible(false);
                    status.setText(e.getMessage());
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void show(ImportReport report, AbsenceImporter.Mode mode, Map<Long, String> named) {
        progress.setValue(1);
        progress.setVisible(false);
        String perKind = report.perKind().entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
        summary.setText(getTranslation("absence.import.summary", report.rowsRead(), report.accepted(), report.pupils(), report.added(),
                report.changed(), report.unchanged(), report.rejectedCount()) + (perKind.isEmpty() ? "" : " (" + perKind + ")"));
        rejected.setItems(report.rejected());
        rejected.setVisible(!report.rejected().isEmpty());
        pupilNames = named;
        sample.setItems(report.sample());
        sample.setVisible(!report.sample().isEmpty());
        String message = ImportOutcome.status(report, mode, this::getTranslation);
        status.setText(message);
        if (mode == AbsenceImporter.Mode.PREVIEW) {
            importButton.setEnabled(ImportOutcome.worthImporting(report));
        } else if (report.written() && report.added() + report.changed() > 0) {
            Forms.saved(message);
        }
    }

    /** Counts the bytes read, for the progress bar. */
    private static final class CountingStream extends FilterInputStream {
        private volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
