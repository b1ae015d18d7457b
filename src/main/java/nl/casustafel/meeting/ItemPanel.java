package nl.casustafel.meeting;

import nl.casustafel.platform.DutchDates;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import jakarta.inject.Singleton;
import nl.casustafel.account.UserAccount;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.CovenantRules;
import nl.casustafel.covenant.MeetingType;
import nl.casustafel.privacy.Disclosure;
import nl.casustafel.ui.PupilBadge;
import nl.casustafel.ui.DutchDatePicker;
import nl.casustafel.ui.Forms;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The agenda item a meeting is at: the pupil at this user's level, notes, outcome, case manager
 * and actions. Live updates re-render what others wrote but keep what this user is typing: the
 * note draft stays, and an outcome being edited is not overwritten — a newer saved version is
 * shown beside it instead, so two people never lose each other's work.
 */
final class ItemPanel extends VerticalLayout {


    private final Factory services;
    private final Viewer viewer;
    private final long itemId;
    private final MeetingType type;
    private final long seriesId;
    private final Div header = new Div();
    private final VerticalLayout noteList = new VerticalLayout();
    private final VerticalLayout actionList = new VerticalLayout();
    private final TextArea note = new TextArea();
    private final Select<String> noteCategory = new Select<>();
    private final VerticalLayout withheldList = new VerticalLayout();
    private final TextArea outcome = new TextArea();
    private final ComboBox<UserAccount> caseManager = new ComboBox<>();
    private final Paragraph newerOutcome = new Paragraph();
    private final VerticalLayout outcomeSection = new VerticalLayout();
    private final Paragraph withheldTitle = new Paragraph();
    private final Paragraph readOnly = new Paragraph();
    private HorizontalLayout noteForm;
    private HorizontalLayout actionForm;
    private Button saveOutcome;
    private int outcomeVersion;
    private String savedOutcome;

    private ItemPanel(Factory services, Viewer viewer, MeetingSeries table, List<UserAccount> participants, MeetingScreen screen) {
        this.services = services;
        CovenantRules covenant = services.covenant;
        this.viewer = viewer;
        this.itemId = screen.current().item().id();
        this.type = table.type();
        this.seriesId = table.id();
        setId("current-item");
        setPadding(false);
        noteList.setPadding(false);
        noteList.setSpacing(false);
        noteList.setId("notes");
        actionList.setPadding(false);
        actionList.setSpacing(false);
        actionList.setId("actions");

        note.setLabel(getTranslation("meeting.note.new"));
        note.setWidthFull();
        note.setMaxLength(2000);
        note.setValueChangeMode(ValueChangeMode.EAGER);
        note.setId("note-text");
        AgendaContent.NoteCategories categories = services.meetings.noteCategories(viewer, itemId);
        noteCategory.setLabel(getTranslation("meeting.note.category"));
        noteCategory.setItems(categories.choice().keySet());
        noteCategory.setItemLabelGenerator(code -> categories.choice().getOrDefault(code, code));
        noteCategory.setValue(categories.preselected());
        noteCategory.setHelperText(getTranslation("meeting.note.category.help"));
        noteCategory.setId("note-category");
        Button addNote = new Button(getTranslation("meeting.note.add"), e -> {
            if (Forms.submit(Map.of("text", note, "category", noteCategory),
                    () -> services.notes.addNote(viewer, itemId, note.getValue(), noteCategory.getValue()))) {
                note.clear();
            }
        });
        addNote.setId("note-add");
        withheldList.setPadding(false);
        withheldList.setSpacing(false);
        withheldList.setId("withheld");

        outcome.setLabel(getTranslation("meeting.outcome"));
        outcome.setWidthFull();
        outcome.setMaxLength(2000);
        outcome.setValueChangeMode(ValueChangeMode.EAGER);
        outcome.setId("outcome");
        caseManager.setLabel(getTranslation(table.type() == MeetingType.THUISZITTERSTAFEL ? "meeting.processGuard" : "meeting.caseManager"));
        caseManager.setItems(participants);
        caseManager.setItemLabelGenerator(UserAccount::displayName);
        caseManager.setClearButtonVisible(true);
        caseManager.setVisible(covenant.meeting(table.type()).caseRole() != null);
        newerOutcome.addClassName("newer-outcome");
        newerOutcome.setVisible(false);
        saveOutcome = new Button(getTranslation("action.save"), e -> saveOutcome());
        saveOutcome.setId("outcome-save");
        outcomeSection.setPadding(false);
        outcomeSection.add(outcome, newerOutcome, new HorizontalLayout(caseManager, saveOutcome));

        noteForm = new HorizontalLayout(noteCategory, addNote);
        noteForm.setAlignItems(FlexComponent.Alignment.BASELINE);
        withheldTitle.setText(getTranslation("meeting.withheld.title"));
        withheldTitle.setId("withheld-notice");
        withheldTitle.addClassName("withheld");
        readOnly.setId("meeting-read-only");
        actionForm = actionForm(participants);
        add(header, readOnly, new H4(getTranslation("meeting.notes")), noteList, withheldTitle, withheldList, note, noteForm,
                outcomeSection, new H4(getTranslation("meeting.actions")), actionList, actionForm);
        update(screen, true);
    }

    long itemId() {
        return itemId;
    }

    /** Re-renders what others may have changed, from the screen as just read; keeps this user's unsaved input. */
    void update(MeetingScreen screen, boolean first) {
        MeetingService.AgendaEntry entry = screen.current();
        header.removeAll();
        if (entry.pupil() != null) {
            H3 title = new H3(new PupilBadge(entry.pupil()));
            title.setId("current-pupil");
            header.add(title);
        }
        if (entry.item().hulpvraag() != null) {
            header.add(new Paragraph(getTranslation("meeting.hulpvraag", entry.item().hulpvraag())));
        }
        if (entry.pupil() != null && type == MeetingType.THUISZITTERSTAFEL) {
            // The timeline's signals at the viewer's level (thuiszitter, escalation due), and the chair's "Afschalen".
            services.timeline.signalsAt(viewer, seriesId, entry.item().pupilId()).forEach(signal -> {
                Paragraph line = new Paragraph(signal.text());
                line.addClassName("thuiszitter-signal");
                header.add(line);
            });
        }
        if (entry.pupil() != null) {
            services.scaleDowns.button(viewer, screen.meeting().id(), itemId, () -> { }).ifPresent(header::add);
        }
        boolean identified = entry.pupil() != null && entry.pupil().disclosure() == Disclosure.IDENTIFIED;
        outcomeSection.setVisible(identified);
        Meeting.Status status = screen.meeting().status();
        boolean writable = status != Meeting.Status.CLOSED && status != Meeting.Status.CANCELLED;
        readOnly.setText(writable ? "" : getTranslation("meeting.readOnly." + status));
        readOnly.setVisible(!writable);
        note.setVisible(writable);
        noteForm.setVisible(writable);
        actionForm.setVisible(writable);
        saveOutcome.setVisible(writable);
        outcome.setReadOnly(!writable);
        caseManager.setReadOnly(!writable);
        noteList.removeAll();
        AgendaContent.ItemContent content = screen.content();
        content.notes().forEach(n -> {
            Paragraph p = new Paragraph(n.note().text());
            Span meta = new Span(n.author() + " (" + n.party() + "), " + DutchDates.TIME.format(n.note().createdAt()));
            meta.addClassName("note-meta");
            Div row = new Div(meta, p);
            row.addClassName("note");
            noteList.add(row);
        });
        withheldList.removeAll();
        withheldTitle.setVisible(!content.withheld().isEmpty());
        content.withheld().forEach(w -> {
            Paragraph notice = new Paragraph(w.text());
            notice.addClassName("withheld");
            withheldList.add(notice);
        });
        actionList.removeAll();
        LocalDate today = LocalDate.now(nl.casustafel.platform.ClockFactory.AMSTERDAM);
        screen.itemActions().forEach(a -> {
            String text = screen.readableActionIds().contains(a.id()) ? a.what()
                    : getTranslation(a.kind() == MeetingAction.Kind.DUO_REPORT ? "meeting.action.duoReport.agreed" : "meeting.action.hidden");
            Span line = new Span(text + " · " + getTranslation("meeting.action.due", DutchDates.DATE.format(a.dueOn()))
                    + (a.open() ? "" : " · " + getTranslation("meeting.action.done")));
            if (a.overdue(today)) {
                line.addClassName("overdue");
            }
            actionList.add(line);
        });
        AgendaItem item = entry.item();
        // Only the outcome the privacy kernel lets this user read ever reaches the browser.
        String readableOutcome = content.outcome();
        boolean editing = !first && !Objects.equals(outcome.getValue(), savedOutcome == null ? "" : savedOutcome);
        if (!editing) {
            outcome.setValue(readableOutcome == null ? "" : readableOutcome);
            newerOutcome.setVisible(false);
        } else if (item.version() != outcomeVersion) {
            newerOutcome.setText(getTranslation("meeting.outcome.newer", readableOutcome == null ? "" : readableOutcome));
            newerOutcome.setVisible(true);
        }
        if (!editing) {
            outcomeVersion = item.version();
            savedOutcome = readableOutcome;
            caseManager.getListDataView().getItems().filter(u -> u.id().equals(item.caseManagerId())).findFirst()
                    .ifPresentOrElse(caseManager::setValue, caseManager::clear);
        }
    }

    private void saveOutcome() {
        Long manager = caseManager.getValue() == null ? null : caseManager.getValue().id();
        boolean ok = Forms.submit(Map.of("outcome", outcome, "caseManagerId", caseManager), () -> {
            AgendaItem saved = services.notes.updateOutcome(viewer, itemId, outcomeVersion, outcome.getValue(), manager);
            outcomeVersion = saved.version();
            savedOutcome = saved.outcome();
        });
        if (ok) {
            newerOutcome.setVisible(false);
            Forms.saved(getTranslation("meeting.outcome.saved"));
        }
    }

    private HorizontalLayout actionForm(List<UserAccount> participants) {
        TextField what = new TextField(getTranslation("meeting.action.what"));
        what.setWidth("20rem");
        what.setMaxLength(500);
        what.setId("action-what");
        what.setHelperText(getTranslation("meeting.action.what.help"));
        ComboBox<UserAccount> owner = new ComboBox<>(getTranslation("meeting.action.owner"), participants);
        owner.setItemLabelGenerator(UserAccount::displayName);
        owner.setId("action-owner");
        DutchDatePicker due = new DutchDatePicker(getTranslation("meeting.action.dueOn"));
        Checkbox duoReport = new Checkbox(getTranslation("meeting.action.duoReport", services.duoReports.schoolDays()));
        duoReport.setId("action-duo-report");
        // Only the school reports to DUO, so only school staff get the box that agrees it.
        duoReport.setVisible(type == MeetingType.VERZUIMOVERLEG && viewer.role().isSchoolStaff());
        duoReport.addValueChangeListener(e -> {
            if (e.getValue()) {
                what.setValue(getTranslation("meeting.action.duoReport.text", services.duoReports.schoolDays()));
                due.setValue(services.duoReports.dueOn());
            }
        });
        Button add = new Button(getTranslation("meeting.action.add"), e -> {
            boolean ok = Forms.submit(Map.of("what", what, "ownerId", owner, "dueOn", due), () -> services.actions.addAction(viewer, itemId,
                    what.getValue(), owner.getValue() == null ? null : owner.getValue().id(), due.getValue(),
                    duoReport.getValue() ? MeetingAction.Kind.DUO_REPORT : MeetingAction.Kind.GENERAL));
            if (ok) {
                what.clear();
                due.clear();
                duoReport.clear();
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        add.setId("action-add");
        HorizontalLayout form = new HorizontalLayout(what, owner, due, duoReport, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    /** Makes the panel of one agenda item with the services it writes through. */
    @Singleton
    static class Factory {
        private final MeetingService meetings;
        private final AgendaNotes notes;
        private final MeetingActions actions;
        private final DuoReportFollowUp duoReports;
        private final CovenantRules covenant;
        private final nl.casustafel.thuiszitter.ThuiszitterTimeline timeline;
        private final nl.casustafel.scaledown.ScaleDownDialog.Factory scaleDowns;

        Factory(MeetingService meetings, AgendaNotes notes, MeetingActions actions, DuoReportFollowUp duoReports, CovenantRules covenant,
                nl.casustafel.thuiszitter.ThuiszitterTimeline timeline, nl.casustafel.scaledown.ScaleDownDialog.Factory scaleDowns) {
            this.timeline = timeline;
            this.scaleDowns = scaleDowns;
            this.meetings = meetings;
            this.notes = notes;
            this.actions = actions;
            this.duoReports = duoReports;
            this.covenant = covenant;
        }

        ItemPanel create(Viewer viewer, MeetingSeries table, MeetingScreen screen) {
            return new ItemPanel(this, viewer, table, meetings.participants(table.id()), screen);
        }
    }
}
