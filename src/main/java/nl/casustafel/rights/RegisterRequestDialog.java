package nl.casustafel.rights;

import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.ClockFactory;
import nl.casustafel.ui.DutchDatePicker;
import nl.casustafel.ui.Forms;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The chair registers a written request of the pupil or a parent (art. 13.1 covenant). */
final class RegisterRequestDialog extends Dialog {

    RegisterRequestDialog(DataSubjectRequestService requests, Viewer viewer, long pupilId, List<Long> tables, Runnable saved) {
        setHeaderTitle(getTranslation("rights.register.title"));
        Select<Long> table = new Select<>();
        table.setLabel(getTranslation("rights.field.table"));
        table.setItems(tables);
        table.setItemLabelGenerator(requests::tableName);
        table.setValue(tables.getFirst());
        table.setId("request-table");
        Select<RequestKind> kind = new Select<>();
        kind.setLabel(getTranslation("rights.field.kind"));
        kind.setItems(RequestKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("requestKind." + k));
        kind.setId("request-kind");
        Select<Requester> by = new Select<>();
        by.setLabel(getTranslation("rights.field.by"));
        by.setItems(Requester.values());
        by.setItemLabelGenerator(r -> getTranslation("requester." + r));
        by.setId("request-by");
        DutchDatePicker receivedOn = new DutchDatePicker(getTranslation("rights.field.receivedOn"));
        receivedOn.setValue(LocalDate.now(ClockFactory.AMSTERDAM));
        receivedOn.setId("request-received");
        TextArea summary = new TextArea(getTranslation("rights.field.summary"));
        summary.setMaxLength(1000);
        summary.setId("request-summary");
        FormLayout form = new FormLayout(table, kind, by, receivedOn, summary);
        form.setColspan(table, 2);
        form.setColspan(summary, 2);
        add(form, new Paragraph(getTranslation("rights.register.help")));
        Forms.saveAndCancel(this, Map.of("series", table, "kind", kind, "requestedBy", by, "receivedOn", receivedOn, "summary", summary),
                () -> requests.register(viewer, new DataSubjectRequestService.NewRequest(table.getValue(), String.valueOf(pupilId),
                        kind.getValue(), by.getValue(), receivedOn.getValue(), summary.getValue())),
                getTranslation("rights.register.saved"), saved).setId("request-save");
    }
}
