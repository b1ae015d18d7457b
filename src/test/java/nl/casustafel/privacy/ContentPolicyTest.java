package nl.casustafel.privacy;

import nl.casustafel.covenant.ContentRules;
import nl.casustafel.covenant.CovenantRulesLoader;
import nl.casustafel.covenant.PartyType;
import nl.casustafel.platform.ConfigFiles;
import nl.casustafel.platform.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The covenant's cases for case content, one row each: who reads (party, how they see the pupil, the
 * categories of the consents that name their party), what was written (providing party, the writer's
 * basis, the category), and whether it is readable, by which rule of the covenant file.
 */
class ContentPolicyTest {

    private static final ContentRules RULES = CovenantRulesLoader.content(new ConfigFiles("config").yaml("covenants/dijkstreek.yaml"));
    private static final ContentPolicy POLICY = new ContentPolicy(RULES);

    /** The parties of the rows: id and type. */
    private static final Map<String, Party> PARTIES = Map.of(
            "SCHOOL", new Party(1, PartyType.SCHOOL_BOARD),
            "GEMEENTE", new Party(2, PartyType.MUNICIPALITY),
            "CJG", new Party(3, PartyType.YOUTH_HEALTH),
            "SWV", new Party(4, PartyType.PARTNERSHIP),
            "JEUGDHULP", new Party(5, PartyType.YOUTH_CARE));

    private record Party(long id, PartyType type) {
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                                          | viewer    | sees         | consents naming viewer | provider  | writer basis | category      | assignee | readable | rule
            finding a: officer after DUO report reads the nurse's findings  | GEMEENTE  | IDENTIFIED   | -                      | CJG       | CONSENT      | HEALTH        | false    | false    | HEALTH_ONLY_UNDER_CONSENT
            the nurse reads her own party's findings                        | CJG       | IDENTIFIED   | IDENTITY HEALTH        | CJG       | CONSENT      | HEALTH        | false    | true     | PROVIDER_READS_ITS_OWN
            school named in the consent's scope for HEALTH reads them       | SCHOOL    | IDENTIFIED   | HEALTH                 | CJG       | CONSENT      | HEALTH        | false    | true     | OTHERWISE
            school not named in any HEALTH consent does not                 | SCHOOL    | IDENTIFIED   | -                      | CJG       | CONSENT      | HEALTH        | false    | false    | HEALTH_ONLY_UNDER_CONSENT
            a consent naming the school without HEALTH is not enough        | SCHOOL    | IDENTIFIED   | IDENTITY ABSENCE       | CJG       | CONSENT      | HEALTH        | false    | false    | HEALTH_ONLY_UNDER_CONSENT
            SWV with its own consent covering HEALTH reads them             | SWV       | IDENTIFIED   | HEALTH SUPPORT         | CJG       | CONSENT      | HEALTH        | false    | true     | OTHERWISE
            health under the alias stays with the provider                  | GEMEENTE  | PSEUDONYMOUS | -                      | CJG       | PSEUDONYMOUS | HEALTH        | false    | false    | HEALTH_ONLY_UNDER_CONSENT
            the officer under the alias does not read the school's note     | GEMEENTE  | PSEUDONYMOUS | -                      | SCHOOL    | ENROLMENT    | SUPPORT       | false    | false    | NAME_STAYS_WITH_THE_NAME
            nor a colleague of the writer who sees only the alias           | GEMEENTE  | PSEUDONYMOUS | -                      | GEMEENTE  | DUO_REPORT   | SUPPORT       | false    | false    | NAME_STAYS_WITH_THE_NAME
            a note under the alias is shared with the table                 | SCHOOL    | IDENTIFIED   | -                      | GEMEENTE  | PSEUDONYMOUS | SUPPORT       | false    | true     | OTHERWISE
            and with another party that sees the alias                      | CJG       | PSEUDONYMOUS | -                      | GEMEENTE  | PSEUDONYMOUS | SUPPORT       | false    | true     | OTHERWISE
            the officer reads the school's note after the DUO report        | GEMEENTE  | IDENTIFIED   | -                      | SCHOOL    | ENROLMENT    | FAMILY        | false    | true     | OTHERWISE
            youth care's note under consent, school not named               | SCHOOL    | IDENTIFIED   | -                      | JEUGDHULP | CONSENT      | SUPPORT       | false    | false    | CONSENT_CONTENT_NEEDS_CONSENT_FOR_THE_VIEWER
            youth care's note under consent, scope names the school         | SCHOOL    | IDENTIFIED   | SUPPORT                | JEUGDHULP | CONSENT      | SUPPORT       | false    | true     | OTHERWISE
            scope names the school, but for another category                | SCHOOL    | IDENTIFIED   | ABSENCE                | JEUGDHULP | CONSENT      | FAMILY        | false    | false    | CONSENT_CONTENT_NEEDS_CONSENT_FOR_THE_VIEWER
            the SWV's note under a notification reaches the officer         | GEMEENTE  | IDENTIFIED   | -                      | SWV       | NOTIFICATION | INTERVENTIONS | false    | true     | OTHERWISE
            the owner of an action reads it under the alias                 | GEMEENTE  | PSEUDONYMOUS | -                      | SCHOOL    | ENROLMENT    | INTERVENTIONS | true     | true     | ASSIGNEE_READS_THE_ACTION
            but not health data without consent                             | GEMEENTE  | PSEUDONYMOUS | -                      | CJG       | CONSENT      | HEALTH        | true     | false    | HEALTH_ONLY_UNDER_CONSENT
            nothing for whom the pupil is hidden, not even the provider     | SCHOOL    | NONE         | -                      | SCHOOL    | ENROLMENT    | SUPPORT       | false    | false    | PUPIL_NOT_VISIBLE
            """)
    void theCovenantDecidesWhoReadsCaseContent(String name, String viewerParty, Disclosure sees, String consents, String provider,
                                               WriterBasis basis, String category, boolean assignee, boolean readable, String rule) {
        Party party = PARTIES.get(viewerParty);
        ContentViewer viewer = new ContentViewer(100, party.id(), party.type(), sees,
                sees == Disclosure.IDENTIFIED ? new Basis(Basis.Kind.ENROLMENT, 1L) : Basis.NONE, categories(consents));
        ContentProvenance content = ContentProvenance.of(PARTIES.get(provider).id(), 200L, basis, null, category)
                .assignedTo(assignee ? 100L : 300L);

        ContentDecision decision = POLICY.decide(viewer, content);

        assertEquals(readable, decision.readable(), name + ": " + decision);
        assertEquals(rule, decision.rule(), name);
        assertFalse(decision.reason().isBlank());
        assertFalse(decision.source().isBlank(), "every rule names its article");
    }

    @Test
    void contentAboutNoPupilIsNotCaseContent() {
        ContentViewer anyone = new ContentViewer(100, 2, PartyType.MUNICIPALITY, Disclosure.NONE, Basis.NONE, Set.of());
        ContentDecision decision = POLICY.decide(anyone, ContentProvenance.of(1, 200L, WriterBasis.ENROLMENT, null, "INTERVENTIONS").aboutNoPupil());
        assertTrue(decision.readable());
        assertEquals("NOT_ABOUT_A_PUPIL", decision.rule());
    }

    @Test
    void theWithheldNoticeForFindingANamesPartyAndReasonButNoText() {
        ContentViewer officer = new ContentViewer(100, 2, PartyType.MUNICIPALITY, Disclosure.IDENTIFIED, new Basis(Basis.Kind.DUO_REPORT, 9L), Set.of());
        ContentDecision decision = POLICY.decide(officer, ContentProvenance.of(3, 200L, WriterBasis.CONSENT, 7L, "HEALTH"));
        var notices = WithheldContent.count(java.util.List.of(new WithheldContent.Piece(WithheldContent.Kind.NOTE, "CJG Dijkstreek", decision)));
        assertEquals("1 notitie van CJG Dijkstreek — alleen zichtbaar met toestemming voor gezondheidsgegevens", notices.getFirst().text());
    }

    @Test
    void theWriterPicksTheCategoryAndHealthNeedsAConsentCoveringIt() {
        ContentViewer nurseWithConsent = new ContentViewer(1, 3, PartyType.YOUTH_HEALTH, Disclosure.IDENTIFIED, new Basis(Basis.Kind.CONSENT, 7L),
                Set.of("IDENTITY", "HEALTH"));
        ContentViewer nurseUnderAlias = new ContentViewer(1, 3, PartyType.YOUTH_HEALTH, Disclosure.PSEUDONYMOUS, Basis.NONE, Set.of());
        ContentViewer officer = new ContentViewer(2, 2, PartyType.MUNICIPALITY, Disclosure.IDENTIFIED, new Basis(Basis.Kind.DUO_REPORT, 9L), Set.of());

        assertEquals("HEALTH", POLICY.categoryForWriting(nurseWithConsent, null), "JGZ writes health findings by default");
        assertEquals("SUPPORT", POLICY.categoryForWriting(nurseUnderAlias, null), "no health data without consent");
        assertEquals("SUPPORT", POLICY.categoryForWriting(officer, " "));
        assertEquals("FAMILY", POLICY.categoryForWriting(officer, "family"));
        assertTrue(POLICY.categoriesFor(nurseWithConsent).containsKey("HEALTH"));
        assertFalse(POLICY.categoriesFor(officer).containsKey("HEALTH"));
        assertFalse(POLICY.categoriesFor(officer).containsKey("BSN"), "the BSN is no content category");

        InvalidInputException health = assertThrows(InvalidInputException.class, () -> POLICY.categoryForWriting(officer, "HEALTH"));
        assertEquals("category", health.field());
        assertTrue(health.getMessage().contains("Gezondheidsgegevens"), health.getMessage());
        assertEquals("category", assertThrows(InvalidInputException.class, () -> POLICY.categoryForWriting(officer, "ZIEKTE")).field());
    }

    private static Set<String> categories(String list) {
        return list.equals("-") ? Set.of() : Arrays.stream(list.trim().split("\\s+")).collect(Collectors.toSet());
    }
}
