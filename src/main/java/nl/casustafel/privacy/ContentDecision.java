package nl.casustafel.privacy;

/**
 * Whether a viewer may read one piece of case content, by which rule of the covenant file
 * ({@code contentRules}), the Dutch reason told to a viewer it is withheld from, and the rule's source.
 */
public record ContentDecision(boolean readable, String rule, String reason, String source) {
}
