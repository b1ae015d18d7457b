package nl.casustafel.scaledown;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import nl.casustafel.account.Viewer;

/** The afschaling notices on the home screen: by name only for who still sees the pupil, else the alias at most. */
public final class ScaleDownNoticesPanel extends VerticalLayout {

    public ScaleDownNoticesPanel(ScaleDownNotices notices, Viewer viewer) {
        setPadding(false);
        setSpacing(false);
        setId("scale-down-notices");
        var list = notices.forViewer(viewer);
        setVisible(!list.isEmpty());
        if (!list.isEmpty()) {
            add(new H3(getTranslation("scaleDown.notices.title")));
            list.forEach(n -> {
                Paragraph line = new Paragraph(n.text());
                line.addClassName("scale-down-notice");
                add(line);
            });
        }
    }
}
