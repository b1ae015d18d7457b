package nl.casustafel.duo;

import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.CovenantRules;
import nl.casustafel.covenant.DuoReportKind;
import nl.casustafel.ui.DutchDatePicker;
import nl.casustafel.ui.Forms;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The school records a verzuimmelding it made at DUO's verzuimloket. */
public final class DuoReportDialog extends Dialog {

    private DuoReportDialog(DuoReportService reports, CovenantRules covenant, Viewer viewer, long pupilId, Runnable saved) {
        setHeaderTitle(getTranslation("duo.dialog.title"));
        Select<DuoReportKind> kind = new Select<>();
        kind.setLabel(getTranslation("duo.col.kind"));
        kind.setItems(List.of(DuoReportKind.values()));
        kind.setItemLabelGenerator(k -> covenant.duoReportKinds().get(k));
        kind.setId("duo-kind");
        DutchDatePicker date = new DutchDatePicker(getTranslation("duo.col.date"));
        date.setValue(LocalDate.now(nl.casustafel.platform.ClockFactory.AMSTERDAM));
        date.setId("duo-date");
        TextField reference = new TextField(getTranslation("duo.col.reference"));
        reference.setHelperText(getTranslation("duo.reference.help"));
        reference.setId("duo-reference");
        reference.setMaxLength(40);
        FormLayout form = new FormLayout(kind, date, reference);
        form.setColspan(kind, 2);
        add(form);
        Forms.saveAndCancel(this, Map.of("kind", kind, "reportedOn", date, "duoReference", reference), () ->
                reports.record(viewer, pupilId, new DuoReportService.NewReport(kind.getValue(), date.getValue(), reference.getValue())),
                getTranslation("duo.saved"), saved).setId("duo-save");
    }

    /** Opens the dialog with the services it needs; views stay free of wiring. */
    @Singleton
    public static class Factory {
        private final DuoReportService reports;
        private final CovenantRules covenant;

        public Factory(DuoReportService reports, CovenantRules covenant) {
            this.reports = reports;
            this.covenant = covenant;
        }

        public void open(Viewer viewer, long pupilId, Runnable saved) {
            new DuoReportDialog(reports, covenant, viewer, pupilId, saved).open();
        }
    }
}
