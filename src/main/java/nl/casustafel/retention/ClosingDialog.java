package nl.casustafel.retention;

import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.ClockFactory;
import nl.casustafel.ui.DutchDatePicker;
import nl.casustafel.ui.Forms;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The care coordinator records the closing decision (afsluitbesluit) of a pupil's case. */
final class ClosingDialog extends Dialog {

    ClosingDialog(ClosingService closing, RetentionPeriod period, Viewer viewer, long pupilId, Runnable saved) {
        setHeaderTitle(getTranslation("closing.dialog.title"));
        Select<ClosingReason> reason = new Select<>();
        reason.setLabel(getTranslation("closing.field.reason"));
        reason.setItems(List.of(ClosingReason.values()));
        reason.setItemLabelGenerator(r -> getTranslation("closingReason." + r));
        reason.setId("closing-reason");
        DutchDatePicker decidedOn = new DutchDatePicker(getTranslation("closing.field.decidedOn"));
        decidedOn.setValue(LocalDate.now(ClockFactory.AMSTERDAM));
        decidedOn.setId("closing-date");
        FormLayout form = new FormLayout(reason, decidedOn);
        form.setColspan(reason, 2);
        add(form, new Paragraph(getTranslation("closing.dialog.help", period.months())));
        Forms.saveAndCancel(this, Map.of("reason", reason, "decidedOn", decidedOn), () ->
                closing.close(viewer, pupilId, new ClosingService.NewClosing(reason.getValue(), decidedOn.getValue())),
                getTranslation("closing.saved"), saved).setId("closing-save");
    }
}
