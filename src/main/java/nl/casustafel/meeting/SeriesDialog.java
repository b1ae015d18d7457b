package nl.casustafel.meeting;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.inject.Singleton;
import nl.casustafel.account.UserAccount;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.CovenantRules;
import nl.casustafel.covenant.MeetingType;
import nl.casustafel.school.School;
import nl.casustafel.school.Schools;
import nl.casustafel.ui.Forms;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The chair sets up a new table: type, school, cadence, place and who sits at it. */
final class SeriesDialog extends Dialog {

    private SeriesDialog(SeriesPlanning planning, CovenantRules covenant, List<School> schools, Viewer viewer, Runnable saved) {
        setHeaderTitle(getTranslation("series.title"));
        setWidth("40rem");
        Select<MeetingType> type = new Select<>();
        type.setLabel(getTranslation("meetings.col.type"));
        type.setItems(Arrays.stream(MeetingType.values()).filter(t -> covenant.meeting(t).chairRoles().contains(viewer.role())).toList());
        type.setItemLabelGenerator(t -> getTranslation("meetingType." + t));
        TextField name = new TextField(getTranslation("series.name"));
        ComboBox<School> school = new ComboBox<>(getTranslation("pupils.col.school"), schools);
        school.setItemLabelGenerator(s -> s.name() + " (" + s.sector() + ")");
        IntegerField weeks = new IntegerField(getTranslation("series.everyWeeks"));
        weeks.setMin(1);
        weeks.setMax(12);
        TextField location = new TextField(getTranslation("meetings.col.location"));
        MultiSelectComboBox<UserAccount> participants = new MultiSelectComboBox<>(getTranslation("series.participants"));
        participants.setItemLabelGenerator(u -> u.displayName() + " (" + getTranslation("role." + u.role()) + ")");
        type.addValueChangeListener(e -> {
            if (e.getValue() == null) {
                return;
            }
            CovenantRules.MeetingTypeRule rule = covenant.meeting(e.getValue());
            school.setVisible(e.getValue() != MeetingType.THUISZITTERSTAFEL);
            weeks.setValue(rule.everyWeeks().getFirst());
            weeks.setHelperText(getTranslation("series.everyWeeks.help", rule.everyWeeks()));
            participants.setItems(planning.eligibleParticipants(e.getValue()).stream().filter(u -> u.id() != viewer.userId()).toList());
        });
        FormLayout form = new FormLayout(type, name, school, weeks, location, participants);
        form.setColspan(participants, 2);
        add(form);
        Forms.saveAndCancel(this, Map.of("type", type, "name", name, "schoolId", school, "everyWeeks", weeks,
                "participantIds", participants), () -> planning.create(viewer, new SeriesPlanning.NewSeries(type.getValue(),
                name.getValue(), school.getValue() == null ? null : school.getValue().id(), weeks.getValue(), location.getValue(),
                participants.getValue().stream().map(UserAccount::id).toList())), getTranslation("series.saved"), saved);
    }

    @Singleton
    static class Factory {
        private final SeriesPlanning planning;
        private final CovenantRules covenant;
        private final Schools schools;

        Factory(SeriesPlanning planning, CovenantRules covenant, Schools schools) {
            this.planning = planning;
            this.covenant = covenant;
            this.schools = schools;
        }

        boolean mayChairAny(Viewer viewer) {
            return Arrays.stream(MeetingType.values()).anyMatch(t -> covenant.meeting(t).chairRoles().contains(viewer.role()));
        }

        void open(Viewer viewer, Runnable saved) {
            new SeriesDialog(planning, covenant, schools.findByIdInOrderByName(viewer.schoolIds()), viewer, saved).open();
        }
    }
}
