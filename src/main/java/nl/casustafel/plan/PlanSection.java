package nl.casustafel.plan;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.inject.Singleton;
import nl.casustafel.account.Accounts;
import nl.casustafel.account.UserAccount;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.Parties;
import nl.casustafel.covenant.Party;
import nl.casustafel.meeting.MeetingTables;
import nl.casustafel.platform.DutchDates;
import nl.casustafel.platform.NotFoundException;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.ui.DutchDatePicker;
import nl.casustafel.ui.Forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The "Plan van aanpak" section of the pupil page, for the table the page is opened from: the plan at the
 * user's level, and for those who may write it the forms to draw it up, add goals, interventions, the
 * agreement with parents and pupil, evaluation moments and their conclusions, and progress reports; the
 * version history. Every change goes through {@link PlanWriter}; refusals show at their field in Dutch.
 */
public final class PlanSection extends VerticalLayout {

    private final Factory services;
    private final Viewer viewer;
    private final long pupilId;
    private final long seriesId;

    private PlanSection(Factory services, Viewer viewer, long pupilId, long seriesId) {
        this.services = services;
        this.viewer = viewer;
        this.pupilId = pupilId;
        this.seriesId = seriesId;
        setPadding(false);
        setId("plan-section");
        render();
    }

    private void render() {
        removeAll();
        add(new H3(getTranslation("plan.title")));
        PlanViews.Plan plan;
        try {
            plan = services.reader.read(viewer, pupilId, seriesId).orElse(null);
        } catch (NotFoundException e) {
            setVisible(false);
            return;
        }
        if (plan == null) {
            Paragraph none = new Paragraph(getTranslation("plan.none"));
            none.setId("plan-none");
            add(none, createForm());
            return;
        }
        add(PlanRendering.status(this, plan), PlanRendering.coordinator(this, plan),
                new H4(getTranslation("plan.goals")), PlanRendering.goals(plan),
                new H4(getTranslation("plan.interventions")), PlanRendering.interventions(this, plan),
                new H4(getTranslation("plan.agreement")), PlanRendering.agreement(this, plan),
                new H4(getTranslation("plan.evaluations")), evaluations(plan),
                new H4(getTranslation("plan.progress")),
                plan.progress().isEmpty() ? new Paragraph(getTranslation("plan.progress.none")) : PlanRendering.progress(plan.progress()),
                PlanRendering.withheld(plan));
        if (plan.mayWrite()) {
            add(goalForm(plan), interventionForm(plan), agreementForm(plan), evaluationForm(plan), progressForm());
        }
        add(versions());
    }

    private Component createForm() {
        ComboBox<UserAccount> coordinator = new ComboBox<>(getTranslation("plan.coordinator"), services.participants(seriesId));
        coordinator.setItemLabelGenerator(UserAccount::displayName);
        coordinator.setId("plan-coordinator");
        coordinator.getListDataView().getItems().filter(u -> u.id() == viewer.userId()).findFirst().ifPresent(coordinator::setValue);
        TextField goal = new TextField(getTranslation("plan.goal.first"));
        goal.setWidth("24rem");
        goal.setId("plan-first-goal");
        Button create = new Button(getTranslation("plan.create"), e -> save(Map.of("coordinatorId", coordinator, "goalText", goal),
                new PlanViews.Draft(null, coordinator.getValue() == null ? null : coordinator.getValue().id(),
                        List.of(new PlanViews.GoalDraft(null, goal.getValue())), null, null, null)));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("plan-create");
        return row(coordinator, goal, create);
    }

    private Component goalForm(PlanViews.Plan plan) {
        TextField text = new TextField(getTranslation("plan.goal.new"));
        text.setWidth("24rem");
        text.setId("plan-goal-text");
        Button add = new Button(getTranslation("plan.goal.add"), e -> {
            List<PlanViews.GoalDraft> goals = new ArrayList<>(plan.goals().stream().map(g -> new PlanViews.GoalDraft(g.key(), g.text())).toList());
            goals.add(new PlanViews.GoalDraft(null, text.getValue()));
            save(Map.of("goalText", text), new PlanViews.Draft(plan.version(), null, goals, null, null, null));
        });
        add.setId("plan-goal-add");
        return row(text, add);
    }

    private Component interventionForm(PlanViews.Plan plan) {
        Select<PlanLine.InterventionKind> kind = new Select<>();
        kind.setLabel(getTranslation("plan.intervention.kind"));
        kind.setItems(PlanLine.InterventionKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("plan.interventionKind." + k));
        kind.setId("plan-intervention-kind");
        TextField description = new TextField(getTranslation("plan.intervention.description"));
        description.setId("plan-intervention-description");
        ComboBox<Party> party = new ComboBox<>(getTranslation("plan.intervention.party"), services.parties.listOrderByTypeAndName());
        party.setItemLabelGenerator(Party::name);
        party.setId("plan-intervention-party");
        ComboBox<UserAccount> person = new ComboBox<>(getTranslation("plan.intervention.person"), services.participants(seriesId));
        person.setItemLabelGenerator(UserAccount::displayName);
        person.setClearButtonVisible(true);
        person.setId("plan-intervention-person");
        DutchDatePicker starts = new DutchDatePicker(getTranslation("plan.intervention.startsOn"));
        starts.setId("plan-intervention-starts");
        DutchDatePicker ends = new DutchDatePicker(getTranslation("plan.intervention.endsOn"));
        ends.setId("plan-intervention-ends");
        Button add = new Button(getTranslation("plan.intervention.add"), e -> {
            List<PlanViews.InterventionDraft> all = new ArrayList<>(plan.interventions().stream().map(i -> new PlanViews.InterventionDraft(i.key(),
                    i.interventionKind(), i.text(), i.responsiblePartyId(), i.responsibleUserId(), i.startsOn(), i.endsOn())).toList());
            all.add(new PlanViews.InterventionDraft(null, kind.getValue(), description.getValue(),
                    party.getValue() == null ? null : party.getValue().id(), person.getValue() == null ? null : person.getValue().id(),
                    starts.getValue(), ends.getValue()));
            save(Map.of("interventionKind", kind, "description", description, "responsiblePartyId", party, "responsibleUserId", person,
                    "startsOn", starts, "endsOn", ends), new PlanViews.Draft(plan.version(), null, null, all, null, null));
        });
        add.setId("plan-intervention-add");
        return row(kind, description, party, person, starts, ends, add);
    }

    private Component agreementForm(PlanViews.Plan plan) {
        DutchDatePicker on = new DutchDatePicker(getTranslation("plan.agreement.on"));
        on.setId("plan-agreement-on");
        TextField present = new TextField(getTranslation("plan.agreement.present"));
        present.setId("plan-agreement-present");
        Button save = new Button(getTranslation("plan.agreement.save"), e -> save(Map.of("agreedOn", on, "present", present),
                new PlanViews.Draft(plan.version(), null, null, null,
                        new PlanViews.AgreementDraft(plan.agreement() == null ? null : plan.agreement().key(), on.getValue(), present.getValue()), null)));
        save.setId("plan-agreement-save");
        return row(on, present, save);
    }

    private Component evaluations(PlanViews.Plan plan) {
        UnorderedList list = new UnorderedList();
        list.setId("plan-evaluations");
        plan.evaluations().forEach(ev -> {
            ListItem item = new ListItem(PlanRendering.evaluation(this, ev));
            if (!ev.done() && plan.mayWrite()) {
                TextArea conclusion = new TextArea(getTranslation("plan.evaluation.conclusion"));
                conclusion.addClassName("plan-evaluation-conclusion");
                Button record = new Button(getTranslation("plan.evaluation.record"), e -> save(Map.of("conclusion", conclusion, "evaluationOn", conclusion),
                        new PlanViews.Draft(plan.version(), null, null, null, null, plan.evaluations().stream()
                                .map(x -> x.key() == ev.key() ? new PlanViews.EvaluationDraft(x.key(), x.onDate(), true, conclusion.getValue())
                                        : new PlanViews.EvaluationDraft(x.key(), x.onDate(), x.done(), x.text())).toList())));
                record.addClassName("plan-evaluation-record");
                item.add(row(conclusion, record));
            }
            list.add(item);
        });
        return plan.evaluations().isEmpty() ? new Paragraph(getTranslation("plan.evaluations.none")) : list;
    }

    private Component evaluationForm(PlanViews.Plan plan) {
        DutchDatePicker on = new DutchDatePicker(getTranslation("plan.evaluation.on"));
        on.setId("plan-evaluation-on");
        Button add = new Button(getTranslation("plan.evaluation.add"), e -> {
            List<PlanViews.EvaluationDraft> all = new ArrayList<>(plan.evaluations().stream()
                    .map(x -> new PlanViews.EvaluationDraft(x.key(), x.onDate(), x.done(), x.text())).toList());
            all.add(new PlanViews.EvaluationDraft(null, on.getValue(), false, null));
            save(Map.of("evaluationOn", on), new PlanViews.Draft(plan.version(), null, null, null, null, all));
        });
        add.setId("plan-evaluation-add");
        return row(on, add);
    }

    private Component progressForm() {
        TextArea text = new TextArea(getTranslation("plan.progress.new"));
        text.setWidth("30rem");
        text.setMaxLength(PlanWriter.PROGRESS_MAX);
        text.setId("plan-progress-text");
        Button add = new Button(getTranslation("plan.progress.add"), e -> {
            if (Forms.submit(Map.of("text", text), () -> services.writer.addProgress(viewer, pupilId, seriesId, text.getValue(), null))) {
                Forms.saved(getTranslation("plan.saved"));
                render();
            }
        });
        add.setId("plan-progress-add");
        return row(text, add);
    }

    private Component versions() {
        VerticalLayout section = new VerticalLayout(new H4(getTranslation("plan.versions")));
        section.setPadding(false);
        section.setSpacing(false);
        section.setId("plan-versions");
        services.reader.versions(viewer, pupilId, seriesId).orElse(List.of()).forEach(v -> {
            StringBuilder text = new StringBuilder(getTranslation("plan.version", v.version(), DutchDates.DATE_TIME.format(v.at()), v.by()));
            v.changes().forEach(c -> text.append(" · ").append(c.what()).append(c.line() != null && c.line().text() != null ? ": " + c.line().text() : ""));
            v.withheld().forEach(w -> text.append(" · ").append(w.text()));
            section.add(new Paragraph(text.toString()));
        });
        return section;
    }

    private void save(Map<String, ? extends com.vaadin.flow.component.HasValidation> fields, PlanViews.Draft draft) {
        if (Forms.submit(fields, () -> services.writer.save(viewer, pupilId, seriesId, draft))) {
            Forms.saved(getTranslation("plan.saved"));
            render();
        }
    }

    private static HorizontalLayout row(Component... parts) {
        HorizontalLayout row = new HorizontalLayout(parts);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    /** Makes the section for a pupil page; nothing when the page is not opened at a table the user sits at. */
    @Singleton
    public static class Factory {
        private final PlanReader reader;
        private final PlanWriter writer;
        private final MeetingTables tables;
        private final Accounts accounts;
        private final Parties parties;

        Factory(PlanReader reader, PlanWriter writer, MeetingTables tables, Accounts accounts, Parties parties) {
            this.reader = reader;
            this.writer = writer;
            this.tables = tables;
            this.accounts = accounts;
            this.parties = parties;
        }

        public Component section(Viewer viewer, PupilView pupil) {
            if (pupil.seriesId() == null || !tables.sitsAt(pupil.seriesId(), viewer.userId())
                    || tables.table(pupil.seriesId()).map(t -> !PlanAccess.keepsPlans(t.type())).orElse(true)
                    || !tables.pupilsAt(pupil.seriesId()).contains(pupil.pupilId())) {
                return new com.vaadin.flow.component.html.Div();
            }
            return new PlanSection(this, viewer, pupil.pupilId(), pupil.seriesId());
        }

        List<UserAccount> participants(long seriesId) {
            return tables.participants(seriesId).stream().map(accounts::findById).flatMap(java.util.Optional::stream).toList();
        }
    }
}
