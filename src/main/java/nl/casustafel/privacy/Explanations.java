package nl.casustafel.privacy;

import jakarta.inject.Singleton;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Renders a decision's "why" in Dutch, from the same bundle as the UI, for the API and the UI alike. */
@Singleton
public class Explanations {

    private final ResourceBundle bundle = ResourceBundle.getBundle("vaadin-i18n/translations", Locale.of("nl", "NL"));

    public String explain(DisclosureDecision decision) {
        String pattern = bundle.getString(decision.explanationKey());
        return new MessageFormat(pattern, Locale.of("nl", "NL")).format(decision.explanationParams().toArray());
    }
}
