package nl.casustafel.privacy;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.casustafel.covenant.ContentRules;
import nl.casustafel.platform.InvalidInputException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one decision for case content: whether a viewer may read a note, an outcome, an action's text,
 * the people named at registration or a minutes line, given that content's provenance. The rules are
 * the covenant file's {@code contentRules}; this class only works out the facts they look at. It also
 * decides which data category a writer may give content (HEALTH only under a consent covering it).
 */
@Singleton
public class ContentPolicy {

    private final ContentRules rules;

    public ContentPolicy(ContentRules rules) {
        this.rules = rules;
    }

    public ContentDecision decide(ContentViewer viewer, ContentProvenance content) {
        String category = content.category();
        ContentRules.Facts facts = new ContentRules.Facts(content.aboutPupil(), viewer.disclosure().name(),
                content.writtenUnder().name(), content.writerBasis().name(), category,
                viewer.partyId() == content.providerPartyId(),
                content.assigneeId() != null && content.assigneeId() == viewer.userId(),
                viewer.consentCovers(category),
                rules.openTo(category, viewer.partyType()) || viewer.consentCovers(category));
        ContentRules.Rule rule = rules.decide(facts);
        return new ContentDecision(rule.readable(), rule.code(), rule.reason(), rule.source());
    }

    /**
     * The category a writer gives a note: the one asked for, or the default for the writer's party type.
     * Refused (400 on "category") when unknown, or HEALTH without a consent covering health data that
     * names the writer's party; the default falls back to the general one then.
     */
    public String categoryForWriting(ContentViewer writer, @Nullable String requested) {
        if (requested == null || requested.isBlank()) {
            return defaultCategory(writer);
        }
        String code = requested.strip().toUpperCase(java.util.Locale.ROOT);
        if (!rules.knows(code)) {
            throw new InvalidInputException("category", "Kies de soort gegevens van de notitie: " + String.join(", ", rules.categoryLabels().keySet()) + ".");
        }
        if (rules.consentGatedCategories().contains(code) && !writer.consentCovers(code)) {
            throw new InvalidInputException("category", "Gezondheidsgegevens legt u alleen vast met een toestemming die gezondheidsgegevens dekt "
                    + "en uw organisatie noemt. Kies een andere soort of leg eerst de toestemming vast.");
        }
        return code;
    }

    /** The category preselected for the writer: per party type from the covenant file, never one the writer may not use. */
    public String defaultCategory(ContentViewer writer) {
        String preferred = rules.defaultCategoryFor(writer.partyType());
        return rules.consentGatedCategories().contains(preferred) && !writer.consentCovers(preferred) ? rules.defaultCategory() : preferred;
    }

    /** The categories the writer may choose from, code to Dutch label. */
    public Map<String, String> categoriesFor(ContentViewer writer) {
        Map<String, String> choice = new LinkedHashMap<>();
        rules.categoryLabels().forEach((code, label) -> {
            if (!rules.consentGatedCategories().contains(code) || writer.consentCovers(code)) {
                choice.put(code, label);
            }
        });
        return choice;
    }

    public String outcomeCategory() {
        return rules.outcomeCategory();
    }

    public String actionCategory() {
        return rules.actionCategory();
    }

    public String registrationCategory() {
        return rules.registrationCategory();
    }
}
