package nl.casustafel.meeting;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import nl.casustafel.account.Viewer;
import nl.casustafel.ui.Forms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The attendance of a meeting on its screen: the chair marks each participant present, absent or
 * absent with notice and saves; everyone else reads who was there. A live refresh leaves the chair's
 * unsaved choices alone.
 */
final class AttendancePanel extends VerticalLayout {

    private final AttendanceService attendance;
    private final Viewer viewer;
    private final long meetingId;
    private final Map<Long, RadioButtonGroup<Presence>> choices = new LinkedHashMap<>();
    private boolean dirty;

    AttendancePanel(AttendanceService attendance, Viewer viewer, long meetingId) {
        this.attendance = attendance;
        this.viewer = viewer;
        this.meetingId = meetingId;
        setId("attendance");
        setPadding(false);
        setSpacing(false);
    }

    /** Re-reads the attendance, unless the chair is in the middle of changing it. */
    void reload(Meeting.Status status) {
        if (dirty) {
            return;
        }
        removeAll();
        choices.clear();
        List<Attendee> people = attendance.attendance(viewer, meetingId);
        add(new H3(getTranslation("attendance.title")));
        add(summary(people));
        if (status != Meeting.Status.CANCELLED && attendance.mayRecord(viewer, meetingId)) {
            add(editor(people));
        }
    }

    private Paragraph summary(List<Attendee> people) {
        Paragraph summary = new Paragraph();
        summary.setId("attendance-summary");
        if (people.stream().allMatch(a -> a.presence() == null)) {
            summary.setText(getTranslation("attendance.none"));
            return summary;
        }
        String present = names(people, Presence.PRESENT);
        String excused = names(people, Presence.EXCUSED);
        String absent = names(people, Presence.ABSENT);
        StringBuilder text = new StringBuilder(getTranslation("attendance.present", present.isEmpty() ? "–" : present));
        if (!excused.isEmpty()) {
            text.append(' ').append(getTranslation("attendance.excused", excused));
        }
        if (!absent.isEmpty()) {
            text.append(' ').append(getTranslation("attendance.absent", absent));
        }
        summary.setText(text.toString());
        return summary;
    }

    private static String names(List<Attendee> people, Presence presence) {
        return people.stream().filter(a -> a.presence() == presence).map(Attendee::name).collect(Collectors.joining(", "));
    }

    private VerticalLayout editor(List<Attendee> people) {
        VerticalLayout editor = new VerticalLayout();
        editor.setPadding(false);
        editor.setSpacing(false);
        for (Attendee person : people) {
            RadioButtonGroup<Presence> choice = new RadioButtonGroup<>();
            choice.setItems(Presence.values());
            choice.setItemLabelGenerator(p -> getTranslation("attendance.presence." + p));
            choice.setValue(person.presence());
            choice.setId("attendance-" + person.userId());
            choice.setAriaLabel(getTranslation("attendance.of", person.name()));
            choice.addValueChangeListener(e -> dirty = e.isFromClient() || dirty);
            choices.put(person.userId(), choice);
            Span who = new Span(person.name() + " (" + person.party() + ")"
                    + (person.chair() ? " · " + getTranslation("attendance.chair") : ""));
            who.setWidth("22rem");
            HorizontalLayout row = new HorizontalLayout(who, choice);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            row.addClassName("attendance-row");
            editor.add(row);
        }
        Button allPresent = new Button(getTranslation("attendance.allPresent"), e -> {
            choices.values().stream().filter(c -> c.getValue() == null).forEach(c -> c.setValue(Presence.PRESENT));
            dirty = true;
        });
        allPresent.setId("attendance-all-present");
        allPresent.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button save = new Button(getTranslation("attendance.save"), e -> save());
        save.setId("attendance-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        editor.add(new HorizontalLayout(save, allPresent));
        return editor;
    }

    private void save() {
        Map<Long, Presence> presence = new LinkedHashMap<>();
        choices.forEach((userId, choice) -> {
            if (choice.getValue() != null) {
                presence.put(userId, choice.getValue());
            }
        });
        if (Forms.submit(Map.of(), () -> attendance.record(viewer, meetingId, presence))) {
            Forms.saved(getTranslation("attendance.saved"));
            dirty = false;
        }
    }
}
