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

/** The chair grants or refuses a request, after discussing it at the table (art. 13.2); a refusal is motivated. */
final class DecideRequestDialog extends Dialog {

    DecideRequestDialog(DataSubjectRequestService requests, Viewer viewer, DataSubjectRequestView request, Runnable saved) {
        setHeaderTitle(getTranslation("rights.decide.title", request.kindLabel()));
        Select<RequestStatus> status = new Select<>();
        status.setLabel(getTranslation("rights.field.status"));
        status.setItems(List.of(RequestStatus.GRANTED, RequestStatus.REFUSED));
        status.setItemLabelGenerator(s -> getTranslation("requestStatus." + s));
        status.setId("decision-status");
        TextArea motivation = new TextArea(getTranslation("rights.field.motivation"));
        motivation.setMaxLength(4000);
        motivation.setId("decision-motivation");
        DutchDatePicker decidedOn = new DutchDatePicker(getTranslation("rights.field.decidedOn"));
        decidedOn.setValue(LocalDate.now(ClockFactory.AMSTERDAM));
        decidedOn.setId("decision-date");
        FormLayout form = new FormLayout(status, decidedOn, motivation);
        form.setColspan(motivation, 2);
        add(form, new Paragraph(getTranslation("rights.decide.help")));
        Forms.saveAndCancel(this, Map.of("status", status, "motivation", motivation, "decidedOn", decidedOn),
                () -> requests.decide(viewer, request.id(), new DataSubjectRequestService.Decision(status.getValue(), motivation.getValue(),
                        decidedOn.getValue())),
                getTranslation("rights.decide.saved"), saved).setId("decision-save");
    }
}
