package nl.casustafel.rights;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import io.micronaut.http.exceptions.HttpStatusException;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.privacy.PupilIdentities.RectifiableField;

import java.util.ArrayList;
import java.util.List;

/**
 * "Uitvoeren": the chair carries out a granted request. For a rectification or erasure the chair picks the
 * datum (an identity field, or a note, outcome or action the chair may read) and, for a rectification, the
 * corrected value; "Bekijken" shows what will change, "Uitvoeren" carries it out.
 */
final class ExecuteRequestDialog extends Dialog {

    /** A choice in the datum select: an identity field or a piece of case content. */
    private record Choice(TargetKind kind, Long id, RectifiableField field, String label) {
    }

    ExecuteRequestDialog(RequestExecutionService executions, Viewer viewer, DataSubjectRequestView request, Runnable done) {
        setHeaderTitle(getTranslation("rights.execute.title", request.kindLabel()));
        setWidth("640px");
        boolean datum = request.kind() == RequestKind.RECTIFICATION || request.kind() == RequestKind.ERASURE;
        Select<Choice> target = new Select<>();
        target.setId("execute-target");
        target.setLabel(getTranslation("rights.execute.target"));
        target.setItemLabelGenerator(Choice::label);
        target.setWidthFull();
        TextArea value = new TextArea(getTranslation("rights.execute.value"));
        value.setId("execute-value");
        value.setWidthFull();
        value.setMaxLength(2000);
        if (datum) {
            List<Choice> choices = new ArrayList<>();
            if (request.kind() == RequestKind.RECTIFICATION) {
                for (RectifiableField f : RectifiableField.values()) {
                    choices.add(new Choice(TargetKind.PUPIL, null, f, getTranslation("rights.execute.pupilField", f.label())));
                }
            }
            executions.targets(viewer, request.id()).forEach(t -> choices.add(new Choice(t.kind(), t.id(), null, t.label())));
            target.setItems(choices);
            add(target);
            if (request.kind() == RequestKind.RECTIFICATION) {
                add(value);
            }
        }
        Div preview = new Div();
        preview.setId("execute-preview");
        add(preview);
        Button show = new Button(getTranslation("rights.execute.preview"), e -> run(() -> {
            preview.removeAll();
            executions.preview(viewer, request.id(), execution(target.getValue(), value.getValue()))
                    .changes().forEach(line -> preview.add(new Paragraph(line)));
        }));
        show.setId("execute-preview-button");
        Button execute = new Button(getTranslation("rights.execute.confirm"), e -> run(() -> {
            executions.execute(viewer, request.id(), execution(target.getValue(), value.getValue()));
            Notification.show(getTranslation("rights.execute.done"));
            close();
            done.run();
        }));
        execute.setId("execute-confirm");
        execute.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button(getTranslation("rights.execute.cancel"), e -> close());
        getFooter().add(cancel, show, execute);
        if (!datum) {
            run(() -> executions.preview(viewer, request.id(), null).changes().forEach(line -> preview.add(new Paragraph(line))));
        }
    }

    private static RequestExecutionService.Execution execution(Choice choice, String value) {
        if (choice == null) {
            return RequestExecutionService.Execution.none();
        }
        return new RequestExecutionService.Execution(choice.kind(), choice.id(), choice.field(), value);
    }

    private void run(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException | HttpStatusException e) {
            Notification n = Notification.show(e.getMessage());
            n.addThemeVariants(com.vaadin.flow.component.notification.NotificationVariant.LUMO_ERROR);
        }
    }
}
