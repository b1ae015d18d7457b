package nl.casustafel.retention;

import nl.casustafel.platform.DutchDates;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.ui.Forms;

import java.util.Map;
import java.util.Optional;

/**
 * The closing section of the pupil page: for the care coordinator who holds the case, the standing
 * decision with its destruction date and a reopen button, or a button to close the case.
 */
public final class ClosingPanel extends VerticalLayout {


    private ClosingPanel(ClosingService closing, RetentionPeriod period, Viewer viewer, long pupilId, Runnable changed) {
        setPadding(false);
        setId("closing-section");
        add(new H3(getTranslation("closing.title")));
        Optional<ClosingDecision> standing = closing.of(viewer, pupilId);
        if (standing.isEmpty()) {
            add(new Paragraph(getTranslation("closing.open")));
            Button record = new Button(getTranslation("closing.record"),
                    e -> new ClosingDialog(closing, period, viewer, pupilId, changed).open());
            record.setId("record-closing");
            add(record);
            return;
        }
        ClosingDecision d = standing.get();
        Paragraph status = new Paragraph(getTranslation("closing.closed", DutchDates.DATE.format(d.decidedOn()),
                getTranslation("closingReason." + d.reason()), DutchDates.DATE.format(d.destroyOn())));
        status.setId("closing-status");
        add(status, new Paragraph(getTranslation("closing.decidedBy", d.decidedByName(), d.decidedByPartyName())));
        Button reopen = new Button(getTranslation("closing.reopen"), e -> {
            if (Forms.submit(Map.of(), () -> closing.reopen(viewer, pupilId))) {
                Forms.saved(getTranslation("closing.reopened"));
                changed.run();
            }
        });
        reopen.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reopen.setId("reopen-closing");
        add(reopen);
    }

    /** Builds the section; views stay free of wiring. */
    @Singleton
    public static class Factory {
        private final ClosingService closing;
        private final RetentionPeriod period;

        public Factory(ClosingService closing, RetentionPeriod period) {
            this.closing = closing;
            this.period = period;
        }

        /** The section, or an empty component for whoever does not hold the case. */
        public Component section(Viewer viewer, long pupilId, Runnable changed) {
            return closing.holds(viewer, pupilId) ? new ClosingPanel(closing, period, viewer, pupilId, changed) : new Div();
        }
    }
}
