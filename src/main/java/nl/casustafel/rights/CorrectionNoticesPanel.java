package nl.casustafel.rights;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.DutchDates;
import nl.casustafel.pupil.PupilPage;

import java.util.List;

/**
 * The home screen's notices that a datum the viewer's organisation provided was rectified or erased on a data
 * subject's request (art. 19 AVG): what, when and by which party, and the pupil only as the kernel lets the viewer
 * see it now (by name with a link, else not at all). Never the old or the new value. Hidden when there are none.
 */
public final class CorrectionNoticesPanel extends VerticalLayout {

    /** The notices shown on the home screen: the most recent ones. */
    static final int SHOWN = 20;

    public CorrectionNoticesPanel(CorrectionNotices notices, Viewer viewer) {
        setPadding(false);
        setSpacing(false);
        setId("correction-notices");
        List<CorrectionNotices.Notice> list = notices.forParty(viewer).stream().limit(SHOWN).toList();
        setVisible(!list.isEmpty());
        if (list.isEmpty()) {
            return;
        }
        add(new H3(getTranslation("rights.corrections.title")));
        list.forEach(n -> {
            Paragraph line = new Paragraph(getTranslation("rights.corrections.line", DutchDates.DATE_TIME.format(n.at()), n.what(), n.byParty())
                    + " ");
            if (n.pupil() != null && n.pupilRef() != null) {
                line.add(new Anchor(PupilPage.ROUTE + "/" + n.pupilRef(), getTranslation("rights.corrections.pupil", n.pupil())));
            } else {
                line.add(getTranslation("rights.corrections.noPupil"));
            }
            line.addClassName("correction-notice");
            add(line);
        });
    }
}
