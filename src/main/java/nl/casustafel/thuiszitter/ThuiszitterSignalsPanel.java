package nl.casustafel.thuiszitter;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.Role;

/**
 * The samenwerkingsverband coordinator's home-screen list of thuiszitters with signals (thuiszitter, escalation due
 * to the directeur-bestuurder), each pupil at the coordinator's level; hidden for other roles and when empty.
 */
public final class ThuiszitterSignalsPanel extends VerticalLayout {

    public ThuiszitterSignalsPanel(ThuiszitterTimeline timeline, Viewer viewer) {
        setPadding(false);
        setSpacing(false);
        setId("thuiszitter-signals");
        var due = viewer.role() == Role.PARTNERSHIP_COORDINATOR ? timeline.dueAtMyTables(viewer) : java.util.List.<ThuiszitterTimeline.Due>of();
        setVisible(!due.isEmpty());
        if (!due.isEmpty()) {
            add(new H3(getTranslation("thuiszitter.signals.title")));
            due.forEach(d -> {
                Anchor pupil = new Anchor("leerling/" + d.pupil().ref() + (d.pupil().seriesId() != null ? "?tafel=" + d.pupil().seriesId() : ""),
                        d.pupil().label() + " · " + d.table());
                add(pupil);
                d.signals().forEach(s -> {
                    Paragraph line = new Paragraph(s.text());
                    line.addClassName("thuiszitter-signal");
                    add(line);
                });
            });
        }
    }
}
