package nl.casustafel.privacy;

import java.util.Objects;

/**
 * What the privacy kernel decided for one viewer and one pupil, and why: the basis when the
 * pupil is identified, the reason when not. {@code explanationKey} names a message in the UI
 * bundle; {@code explanation} is the same text for the API.
 */
public record DisclosureDecision(Disclosure disclosure, String basis, String explanationKey) {

    public DisclosureDecision {
        Objects.requireNonNull(disclosure);
        Objects.requireNonNull(explanationKey);
    }

    public boolean identified() {
        return disclosure == Disclosure.IDENTIFIED;
    }

    public boolean visible() {
        return disclosure != Disclosure.NONE;
    }
}
