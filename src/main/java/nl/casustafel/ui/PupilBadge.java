package nl.casustafel.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import nl.casustafel.privacy.Disclosure;
import nl.casustafel.privacy.PupilView;

/**
 * A pupil as the viewer may see it: the name or the alias, a tag saying which, and a "Waarom?"
 * button that explains the decision in one click.
 */
public class PupilBadge extends HorizontalLayout {

    public PupilBadge(PupilView pupil) {
        setSpacing(false);
        setAlignItems(Alignment.CENTER);
        addClassName("pupil-badge");
        Span label = new Span(pupil.label() == null ? getTranslation("pupil.unnamed") : pupil.label());
        label.addClassName("pupil-label");
        Span tag = new Span(getTranslation("disclosure." + pupil.disclosure()));
        tag.getElement().getThemeList().add("badge small pill " + (pupil.disclosure() == Disclosure.IDENTIFIED ? "success" : "contrast"));
        tag.addClassName("disclosure-tag");
        Button why = new Button(getTranslation("why.button"), VaadinIcon.QUESTION_CIRCLE_O.create());
        why.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        why.addClassName("why-button");
        why.getElement().setAttribute("aria-label", getTranslation("why.aria", pupil.label()));
        Popover explanation = new Popover();
        explanation.setTarget(why);
        explanation.setAriaLabel(getTranslation("why.aria", pupil.label())); // the dialog is named by its question
        explanation.setPosition(PopoverPosition.BOTTOM_START);
        explanation.addThemeVariants(com.vaadin.flow.component.popover.PopoverVariant.ARROW);
        Span text = new Span(pupil.explanation());
        text.addClassName("why-text");
        explanation.add(text);
        add(label, tag, why);
    }
}
