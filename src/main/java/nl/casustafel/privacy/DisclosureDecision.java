package nl.casustafel.privacy;

import nl.casustafel.covenant.PupilField;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the privacy kernel decided for one viewer and one pupil in one context: the disclosure, the
 * fields allowed, the basis when identified, and why, as a message key of the UI bundle with its
 * parameters ("Gepseudonimiseerd: er is nog geen DUO-melding").
 */
public record DisclosureDecision(Disclosure disclosure,
                                 Set<PupilField> fields,
                                 Basis basis,
                                 String explanationKey,
                                 List<String> explanationParams) {

    public DisclosureDecision {
        Objects.requireNonNull(disclosure);
        fields = Set.copyOf(fields);
        explanationParams = List.copyOf(explanationParams);
    }

    public boolean identified() {
        return disclosure == Disclosure.IDENTIFIED;
    }

    public boolean visible() {
        return disclosure != Disclosure.NONE;
    }

    public boolean allows(PupilField field) {
        return fields.contains(field);
    }
}
