package nl.casustafel.covenant;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The covenant's rules for case content ({@code contentRules} in the covenant file): who may read a
 * note, an outcome, an action's text or the people named at registration, given the content's
 * provenance. The rules are tried in order; the first whose conditions all hold decides, else
 * {@code otherwise}. {@code privacy.ContentPolicy} computes the {@link Facts} and asks {@link #decide}.
 */
public record ContentRules(List<Rule> rules,
                           Rule otherwise,
                           Map<String, String> categoryLabels,
                           Map<String, Set<PartyType>> categoryVisibleTo,
                           Set<String> consentGatedCategories,
                           Map<PartyType, String> defaultCategoryByPartyType,
                           String defaultCategory,
                           String outcomeCategory,
                           String actionCategory,
                           String registrationCategory) {

    public static final Set<String> VIEWER_SEES = Set.of("IDENTIFIED", "PSEUDONYMOUS", "NONE");
    public static final Set<String> WRITTEN_UNDER = Set.of("IDENTIFIED", "PSEUDONYMOUS");
    public static final Set<String> WRITER_BASES = Set.of("ENROLMENT", "DUO_REPORT", "CONSENT", "NOTIFICATION", "PSEUDONYMOUS");

    /** What the rules look at for one viewer and one piece of content. */
    public record Facts(boolean aboutPupil,
                        String viewerSees,
                        String writtenUnder,
                        String writerBasis,
                        String category,
                        boolean viewerIsProvider,
                        boolean viewerIsAssignee,
                        boolean consentNamesViewer,
                        boolean categoryOpenToViewer) {
    }

    /** A rule: when all its set conditions hold, the content is readable or withheld, for the reason given. */
    public record Rule(String code, Condition when, boolean readable, String reason, String source) {
    }

    /** The conditions of a rule; a null condition is not looked at. */
    public record Condition(@Nullable Boolean aboutPupil,
                            @Nullable Set<String> viewerSees,
                            @Nullable String writtenUnder,
                            @Nullable Set<String> writerBasis,
                            @Nullable Set<String> category,
                            @Nullable Boolean viewerIsProvider,
                            @Nullable Boolean viewerIsAssignee,
                            @Nullable Boolean consentNamesViewer,
                            @Nullable Boolean categoryOpenToViewer) {

        public static final Condition ALWAYS = new Condition(null, null, null, null, null, null, null, null, null);

        boolean holds(Facts f) {
            return is(aboutPupil, f.aboutPupil()) && in(viewerSees, f.viewerSees())
                    && (writtenUnder == null || writtenUnder.equals(f.writtenUnder())) && in(writerBasis, f.writerBasis())
                    && in(category, f.category()) && is(viewerIsProvider, f.viewerIsProvider())
                    && is(viewerIsAssignee, f.viewerIsAssignee()) && is(consentNamesViewer, f.consentNamesViewer())
                    && is(categoryOpenToViewer, f.categoryOpenToViewer());
        }

        private static boolean is(@Nullable Boolean wanted, boolean actual) {
            return wanted == null || wanted == actual;
        }

        private static boolean in(@Nullable Set<String> wanted, String actual) {
            return wanted == null || wanted.contains(actual);
        }
    }

    /** The first rule whose conditions hold, else {@code otherwise}. */
    public Rule decide(Facts facts) {
        return rules.stream().filter(r -> r.when().holds(facts)).findFirst().orElse(otherwise);
    }

    /** Whether a party type may see content of a category on its own basis (art. 5.1 visibleTo); consent-gated ones never. */
    public boolean openTo(String category, PartyType type) {
        return !consentGatedCategories.contains(category) && categoryVisibleTo.getOrDefault(category, Set.of()).contains(type);
    }

    /** The category preselected for a writer of this party type. */
    public String defaultCategoryFor(PartyType type) {
        return defaultCategoryByPartyType.getOrDefault(type, defaultCategory);
    }

    public boolean knows(String category) {
        return categoryLabels.containsKey(category);
    }

    public String label(String category) {
        return categoryLabels.getOrDefault(category, category);
    }
}
