package nl.casustafel.plan;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import nl.casustafel.platform.DutchDates;

import java.util.List;

/** Renders a plan exactly as {@link PlanReader} gave it for this user: the screen decides nothing. */
final class PlanRendering {

    private PlanRendering() {
    }

    static Span status(Component c, PlanViews.Plan plan) {
        Span status = new Span(plan.closed() ? c.getTranslation("plan.closed.scaledDown") : c.getTranslation("plan.open", plan.version()));
        status.getElement().getThemeList().add("badge " + (plan.closed() ? "contrast" : "success"));
        status.setId("plan-status");
        return status;
    }

    static Paragraph coordinator(Component c, PlanViews.Plan plan) {
        return new Paragraph(c.getTranslation("THUISZITTERSTAFEL".equals(plan.tableType()) ? "plan.processGuard" : "plan.caseManager")
                + ": " + plan.coordinator());
    }

    static UnorderedList goals(PlanViews.Plan plan) {
        UnorderedList list = list("plan-goals");
        plan.goals().forEach(g -> list.add(new ListItem(g.text())));
        return list;
    }

    static String intervention(Component c, PlanViews.Line i) {
        return c.getTranslation("plan.interventionKind." + i.interventionKind()) + ": " + i.text() + " · " + i.responsibleParty()
                + (i.responsibleUser() == null ? "" : " (" + i.responsibleUser() + ")") + " · "
                + DutchDates.DATE.format(i.startsOn()) + " – " + DutchDates.DATE.format(i.endsOn());
    }

    static UnorderedList interventions(Component c, PlanViews.Plan plan) {
        UnorderedList list = list("plan-interventions");
        plan.interventions().forEach(i -> list.add(new ListItem(intervention(c, i))));
        return list;
    }

    static String evaluation(Component c, PlanViews.Line e) {
        return DutchDates.DATE.format(e.onDate()) + " · " + (e.done() ? c.getTranslation("plan.evaluation.done") + ": " + e.text()
                : c.getTranslation("plan.evaluation.planned"));
    }

    static Paragraph agreement(Component c, PlanViews.Plan plan) {
        Paragraph p = new Paragraph(plan.agreement() == null ? c.getTranslation("plan.agreement.none")
                : c.getTranslation("plan.agreement.text", DutchDates.DATE.format(plan.agreement().onDate()), plan.agreement().text()));
        p.setId("plan-agreement");
        return p;
    }

    static UnorderedList progress(List<PlanViews.Progress> reports) {
        UnorderedList list = list("plan-progress");
        reports.forEach(r -> list.add(new ListItem(DutchDates.DATE_TIME.format(r.writtenAt()) + " · " + r.writtenBy() + ": " + r.text())));
        return list;
    }

    static UnorderedList due(Component c, PlanViews.Plan plan) {
        UnorderedList list = list("plan-due");
        plan.due().forEach(d -> list.add(new ListItem(due(c, d))));
        return list;
    }

    static String due(Component c, PlanViews.Due d) {
        return c.getTranslation(d.kind() == PlanLine.Kind.EVALUATION ? "plan.due.evaluation" : "plan.due.intervention",
                DutchDates.DATE.format(d.on())) + (d.overdue() ? " — " + c.getTranslation("plan.due.overdue") : "")
                + (d.kind() == PlanLine.Kind.INTERVENTION && d.text() != null ? ": " + d.text() : "");
    }

    static Div withheld(PlanViews.Plan plan) {
        Div div = new Div();
        div.setId("plan-withheld");
        plan.withheld().forEach(w -> {
            Paragraph p = new Paragraph(w.text());
            p.addClassName("withheld");
            div.add(p);
        });
        return div;
    }

    private static UnorderedList list(String id) {
        UnorderedList list = new UnorderedList();
        list.setId(id);
        return list;
    }
}
