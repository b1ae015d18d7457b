package nl.casustafel.plan;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.meeting.ItemExtension;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The plan van aanpak at an agenda item of the live meeting: the plan, every progress report since the
 * table's previous meeting, and what is due, each at the viewer's level ({@link PlanReader#forMeeting}).
 * Refreshed with the screen: a change to the plan publishes {@code MeetingEvents.CaseContentChanged}.
 */
@Singleton
class PlanItemExtension implements ItemExtension {

    private final PlanReader reader;

    PlanItemExtension(PlanReader reader) {
        this.reader = reader;
    }

    @Override
    public Optional<Supplier<Component>> read(Viewer viewer, ItemAt at) {
        return reader.forMeeting(viewer, at.pupilId(), at.seriesId(), at.previousMeeting()).map(plan -> () -> panel(plan));
    }

    private static Component panel(PlanViews.Plan plan) {
        VerticalLayout panel = new VerticalLayout();
        panel.setId("meeting-plan");
        panel.setPadding(false);
        panel.setSpacing(false);
        panel.add(new H4(panel.getTranslation("plan.title")), PlanRendering.status(panel, plan), PlanRendering.coordinator(panel, plan),
                new Paragraph(panel.getTranslation("plan.goals")), PlanRendering.goals(plan),
                new Paragraph(panel.getTranslation("plan.interventions")), PlanRendering.interventions(panel, plan),
                new Paragraph(panel.getTranslation("plan.progress.sinceLast")),
                plan.progress().isEmpty() ? new Paragraph(panel.getTranslation("plan.progress.none")) : PlanRendering.progress(plan.progress()),
                new Paragraph(panel.getTranslation("plan.due")),
                plan.due().isEmpty() ? new Paragraph(panel.getTranslation("plan.due.none")) : PlanRendering.due(panel, plan),
                PlanRendering.withheld(plan));
        return panel;
    }
}
