package nl.casustafel.meeting;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.CovenantRules;
import nl.casustafel.covenant.MeetingType;
import nl.casustafel.privacy.Disclosure;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.pupil.PupilService;
import nl.casustafel.ui.Forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a pupil on the agenda, asking what the meeting type needs: the verzuimoverleg offers the
 * school's candidates below the reporting threshold; the SOT asks the hulpvraag and warns when
 * consent for it is missing; the thuiszitterstafel takes a written registration with the reason
 * from the covenant table, the three checks and who informed the parents.
 */
final class AgendaRegistrationDialog extends Dialog {

    private AgendaRegistrationDialog(AgendaRegistration registration, MeetingService meetings, PupilService pupils, CovenantRules covenant, Viewer viewer,
                                     long meetingId, MeetingSeries table, Runnable saved) {
        setHeaderTitle(getTranslation("meeting.register.title." + table.type()));
        setWidth("44rem");
        ComboBox<PupilView> pupil = new ComboBox<>(getTranslation("meeting.register.pupil"));
        Map<Long, MeetingTables.Figures> figures = new java.util.HashMap<>();
        RegistrablePupils choices = choices(registration, meetings, pupils, viewer, table, meetingId, figures);
        // Lazy: the dropdown asks a page at a time, filtered by the name typed, so that only the pupils shown are read and logged.
        pupil.setPageSize(RegistrablePupils.PAGE_SIZE);
        pupil.setItems(query -> choices.fetch(query.getFilter().orElse(null), query.getOffset(), query.getLimit()).stream());
        pupil.setPlaceholder(getTranslation("meeting.register.pupil.placeholder"));
        pupil.setItemLabelGenerator(p -> p.label() + (p.schoolYear() == null ? "" : " (" + getTranslation("pupils.col.schoolYear")
                + " " + p.schoolYear() + ")") + (figures.containsKey(p.pupilId()) ? " · " + getTranslation("meeting.register.figures",
                figures.get(p.pupilId()).unauthorisedHours4Weeks(), figures.get(p.pupilId()).sickReports12Weeks(),
                figures.get(p.pupilId()).lateArrivals()) : ""));
        pupil.setId("register-pupil");
        pupil.setWidthFull();
        TextArea hulpvraag = new TextArea(getTranslation("consent.field.hulpvraag"));
        hulpvraag.setMaxLength(500);
        hulpvraag.setVisible(table.type() == MeetingType.SOT);
        Select<String> reason = new Select<>();
        reason.setLabel(getTranslation("meeting.register.reason"));
        reason.setItems(new ArrayList<>(covenant.reasons().keySet()));
        reason.setItemLabelGenerator(code -> covenant.reason(code).map(CovenantRules.ThuiszitterReason::label).orElse(code));
        Checkbox consent = new Checkbox(getTranslation("meeting.register.check.consent"));
        Checkbox duo = new Checkbox(getTranslation("meeting.register.check.duo"));
        Checkbox parentsKnow = new Checkbox(getTranslation("meeting.register.check.parentsKnow"));
        TextField informedBy = new TextField(getTranslation("meeting.register.informedBy"));
        reason.setId("register-reason");
        consent.setId("register-consent");
        duo.setId("register-duo");
        parentsKnow.setId("register-parents-know");
        informedBy.setId("register-informed-by");
        boolean tzt = table.type() == MeetingType.THUISZITTERSTAFEL;
        reason.setVisible(tzt);
        consent.setVisible(tzt);
        duo.setVisible(tzt);
        parentsKnow.setVisible(tzt);
        informedBy.setVisible(tzt);
        FormLayout form = new FormLayout(pupil, hulpvraag, reason, informedBy, consent, duo, parentsKnow);
        form.setColspan(pupil, 2);
        form.setColspan(hulpvraag, 2);
        add(form);
        if (choices.nobody()) {
            // An empty list says nothing by itself: tell whom one can register and why nobody is offered.
            Paragraph none = new Paragraph(getTranslation("meeting.register.none"));
            none.setId("register-none");
            add(none);
        }
        if (tzt) {
            add(new Paragraph(getTranslation("meeting.register.tztHint")));
        }
        Button save = new Button(getTranslation("meeting.register.save"), e -> {
            Map<String, com.vaadin.flow.component.HasValidation> fields = new LinkedHashMap<>();
            fields.put("pupilId", pupil);
            fields.put("hulpvraag", hulpvraag);
            fields.put("reason", reason);
            fields.put("parentsInformedBy", informedBy);
            if (pupil.getValue() == null) {
                pupil.setErrorMessage(getTranslation("meeting.register.choosePupil"));
                pupil.setInvalid(true);
                return;
            }
            AgendaRegistration.Registered[] done = new AgendaRegistration.Registered[1];
            boolean ok = Forms.submit(fields, () -> done[0] = registration.register(viewer, meetingId, new AgendaRegistration.Registration(
                    pupil.getValue().pupilId(), hulpvraag.getValue(), tzt ? reason.getValue() : null,
                    tzt ? consent.getValue() : null, tzt ? duo.getValue() : null, tzt ? parentsKnow.getValue() : null,
                    informedBy.getValue())));
            if (ok) {
                close();
                done[0].warnings().forEach(w -> Notification.show(w, 10000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_WARNING));
                saved.run();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("register-save");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    /**
     * Whom the user may register, leaving out who is already on this agenda: for the verzuimoverleg
     * the school's candidates below the reporting threshold first (with their figures), then the
     * school's other pupils, a page at a time (see {@link RegistrablePupils}).
     */
    private static RegistrablePupils choices(AgendaRegistration registration, MeetingService meetings, PupilService pupils, Viewer viewer,
                                             MeetingSeries table, long meetingId, Map<Long, MeetingTables.Figures> figures) {
        List<PupilView> upFront = new ArrayList<>();
        java.util.Set<Long> onAgenda = new java.util.HashSet<>(meetings.pupilsOnAgenda(meetingId));
        if (table.type() == MeetingType.VERZUIMOVERLEG) {
            registration.candidates(viewer, table.id()).forEach(c -> {
                upFront.add(c.pupil());
                figures.put(c.pupil().pupilId(), c.figures());
            });
        }
        if (!viewer.role().isSchoolStaff()) {
            pupils.atMyTables(viewer).stream().filter(p -> p.disclosure() == Disclosure.IDENTIFIED)
                    .filter(p -> upFront.stream().noneMatch(c -> c.pupilId() == p.pupilId())).forEach(upFront::add);
        }
        return new RegistrablePupils(pupils, viewer, viewer.role().isSchoolStaff() ? table.schoolId() : null, upFront, onAgenda);
    }

    @Singleton
    static class Factory {
        private final AgendaRegistration registration;
        private final MeetingService meetings;
        private final PupilService pupils;
        private final CovenantRules covenant;

        Factory(AgendaRegistration registration, MeetingService meetings, PupilService pupils, CovenantRules covenant) {
            this.registration = registration;
            this.meetings = meetings;
            this.pupils = pupils;
            this.covenant = covenant;
        }

        void open(Viewer viewer, long meetingId, MeetingSeries table, Runnable saved) {
            new AgendaRegistrationDialog(registration, meetings, pupils, covenant, viewer, meetingId, table, saved).open();
        }
    }
}
