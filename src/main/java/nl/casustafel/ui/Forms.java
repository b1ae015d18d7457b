package nl.casustafel.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.platform.NotFoundException;

import java.util.Map;

/** Shows a service's refusal at the field it names, in the service's own Dutch words. */
public final class Forms {

    private Forms() {
    }

    /** Runs the action; a refusal marks the named field (or shows a notification). Returns whether it succeeded. */
    public static boolean submit(Map<String, ? extends HasValidation> fields, Runnable action) {
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            action.run();
            return true;
        } catch (InvalidInputException e) {
            HasValidation field = fields.get(e.field());
            if (field != null) {
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
            } else {
                Notification n = Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE);
                n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            return false;
        } catch (NotFoundException e) {
            // what the form was about is gone, or no longer the user's (a consent withdrawn, a meeting left)
            Notification n = Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            return false;
        }
    }

    /**
     * Puts Cancel and Save in the dialog's footer. Save runs the action; on success it says
     * {@code savedMessage}, closes the dialog and runs {@code afterSave}; a refusal stays at its field.
     */
    public static Button saveAndCancel(Dialog dialog, Map<String, ? extends HasValidation> fields, Runnable action,
                                       String savedMessage, Runnable afterSave) {
        Button save = new Button(dialog.getTranslation("action.save"), e -> {
            if (submit(fields, action)) {
                saved(savedMessage);
                dialog.close();
                afterSave.run();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(dialog.getTranslation("action.cancel"), e -> dialog.close()), save);
        return save;
    }

    public static void saved(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
