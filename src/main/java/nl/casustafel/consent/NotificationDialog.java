package nl.casustafel.consent;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.MeetingType;
import nl.casustafel.covenant.Party;
import nl.casustafel.covenant.Parties;
import nl.casustafel.ui.DutchDatePicker;
import nl.casustafel.ui.Forms;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Records that the parents were told which parties will discuss their child. */
public final class NotificationDialog extends Dialog {

    private NotificationDialog(ParentNotificationService notifications, List<Party> parties, Viewer viewer, long pupilId,
                               Runnable saved) {
        setHeaderTitle(getTranslation("notification.dialog.title"));
        Select<MeetingType> purpose = new Select<>();
        purpose.setLabel(getTranslation("consent.field.purpose"));
        purpose.setItems(MeetingType.values());
        purpose.setValue(MeetingType.THUISZITTERSTAFEL);
        purpose.setItemLabelGenerator(t -> getTranslation("meetingType." + t));
        DutchDatePicker notifiedOn = new DutchDatePicker(getTranslation("notification.field.notifiedOn"));
        notifiedOn.setValue(LocalDate.now(nl.casustafel.platform.ClockFactory.AMSTERDAM));
        MultiSelectComboBox<Party> named = new MultiSelectComboBox<>(getTranslation("notification.field.parties"), parties);
        named.setItemLabelGenerator(Party::name);
        TextArea note = new TextArea(getTranslation("notification.field.note"));
        note.setMaxLength(500);
        FormLayout form = new FormLayout(purpose, notifiedOn, named, note);
        form.setColspan(named, 2);
        form.setColspan(note, 2);
        add(form);
        Forms.saveAndCancel(this, Map.of("purpose", purpose, "notifiedOn", notifiedOn, "partyIds", named, "note", note), () ->
                notifications.record(viewer, pupilId, new ParentNotificationService.NewNotification(purpose.getValue(),
                        notifiedOn.getValue(), named.getValue().stream().map(Party::id).toList(), note.getValue())),
                getTranslation("notification.saved"), saved);
    }

    @Singleton
    public static class Factory {
        private final ParentNotificationService notifications;
        private final Parties parties;

        public Factory(ParentNotificationService notifications, Parties parties) {
            this.notifications = notifications;
            this.parties = parties;
        }

        public void open(Viewer viewer, long pupilId, Runnable saved) {
            new NotificationDialog(notifications, parties.listOrderByTypeAndName(), viewer, pupilId, saved).open();
        }
    }
}
