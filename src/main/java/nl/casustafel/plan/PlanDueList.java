package nl.casustafel.plan;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.html.Span;
import nl.casustafel.account.Viewer;
import nl.casustafel.pupil.PupilPage;
import nl.casustafel.ui.PupilBadge;

/**
 * For the home screen: the evaluation moments due and interventions overdue of the plans the user coordinates
 * or carries out an intervention of ({@link PlanReader#dueFor}); nothing when there are none.
 */
public class PlanDueList extends VerticalLayout {

    public PlanDueList(PlanReader reader, Viewer viewer) {
        setPadding(false);
        setSpacing(false);
        setId("plan-due-home");
        var items = reader.dueFor(viewer);
        if (items.isEmpty()) {
            setVisible(false);
            return;
        }
        add(new H3(getTranslation("plan.home.title")));
        items.forEach(i -> {
            Anchor open = new Anchor(PupilPage.ROUTE + "/" + i.pupil().ref() + "?" + PupilPage.TABLE_PARAMETER + "=" + i.seriesId(),
                    getTranslation("plan.home.open"));
            HorizontalLayout row = new HorizontalLayout(new PupilBadge(i.pupil()), new Span(PlanRendering.due(this, i.due())), open);
            row.addClassName("plan-due-item");
            if (i.due().overdue()) {
                row.addClassName("overdue");
            }
            add(row);
        });
    }
}
