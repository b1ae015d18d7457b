package nl.casustafel.scaledown;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.ui.Forms;

import java.util.Map;

/**
 * "Afschalen" at the agenda item of a live meeting: a button for the chair (only when the case may be scaled down)
 * that opens a Dutch dialog with the reason and an explanation. The decision goes through {@link ScaleDownService}.
 */
public final class ScaleDownDialog extends Dialog {

    private ScaleDownDialog(ScaleDownService service, Viewer viewer, long meetingId, long itemId, Runnable afterwards) {
        setHeaderTitle(getTranslation("scaleDown.title"));
        setId("scale-down-dialog");
        Paragraph what = new Paragraph(getTranslation("scaleDown.what"));
        Select<ScaleDownReason> reason = new Select<>();
        reason.setLabel(getTranslation("scaleDown.reason"));
        reason.setItems(ScaleDownReason.values());
        reason.setItemLabelGenerator(r -> capitalised(ScaleDownService.label(r)));
        reason.setId("scale-down-reason");
        TextArea explanation = new TextArea(getTranslation("scaleDown.explanation"));
        explanation.setMaxLength(ScaleDownService.EXPLANATION_MAX);
        explanation.setHelperText(getTranslation("scaleDown.explanation.helper"));
        explanation.setWidthFull();
        explanation.setId("scale-down-explanation");
        add(what, reason, explanation);
        Button confirm = new Button(getTranslation("scaleDown.confirm"), e -> {
            if (Forms.submit(Map.of("reason", reason, "explanation", explanation),
                    () -> service.scaleDown(viewer, meetingId, itemId, reason.getValue(), explanation.getValue()))) {
                Forms.saved(getTranslation("scaleDown.saved"));
                close();
                afterwards.run();
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setId("scale-down-confirm");
        getFooter().add(new Button(getTranslation("scaleDown.cancel"), e -> close()), confirm);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Makes the "Afschalen" button of an agenda item, or nothing for a viewer who may not scale the case down. */
    @Singleton
    public static class Factory {
        private final ScaleDownService service;

        Factory(ScaleDownService service) {
            this.service = service;
        }

        public java.util.Optional<Component> button(Viewer viewer, long meetingId, long itemId, Runnable afterwards) {
            if (!service.mayScaleDown(viewer, meetingId, itemId)) {
                return java.util.Optional.empty();
            }
            Button open = new Button();
            open.setText(open.getTranslation("scaleDown.open"));
            open.addClickListener(e -> new ScaleDownDialog(service, viewer, meetingId, itemId, afterwards).open());
            open.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            open.setId("scale-down");
            return java.util.Optional.of(open);
        }
    }
}
