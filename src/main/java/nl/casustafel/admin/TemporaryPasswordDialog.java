package nl.casustafel.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * Shows a temporary password this once: the server keeps only its hash, so closing the dialog is the
 * last time anyone sees it. The beheerder passes it on by another channel than the username.
 */
final class TemporaryPasswordDialog extends Dialog {

    TemporaryPasswordDialog(String username, String password, boolean enrolsAgain) {
        setHeaderTitle(getTranslation("accounts.password.title", username));
        setWidth("32rem");
        Span shown = new Span(password);
        shown.setId("temporary-password");
        shown.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-l)");
        shown.getElement().setAttribute("aria-label", getTranslation("accounts.password.shownAria"));
        add(new Paragraph(getTranslation("accounts.password.once")), shown,
                new Paragraph(getTranslation(enrolsAgain ? "accounts.password.enrol" : "accounts.password.keepsFactor")));
        setCloseOnOutsideClick(false);
        Button close = new Button(getTranslation("accounts.password.close"), e -> close());
        close.setId("temporary-password-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(close);
    }
}
