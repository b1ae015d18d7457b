package nl.casustafel.privacy;

import nl.casustafel.covenant.Role;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.ConsentGiver;
import nl.casustafel.covenant.CovenantRules;
import nl.casustafel.covenant.CovenantRulesLoader;
import nl.casustafel.covenant.DuoReportKind;
import nl.casustafel.covenant.MeetingType;
import nl.casustafel.covenant.PartyType;
import nl.casustafel.covenant.PupilField;
import nl.casustafel.platform.ConfigFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The privacy kernel's rules, one row per rule of PRODUCT.md and per cell of the covenant's
 * thuiszitterstafel table, against the demo region's own covenant file.
 */
class DisclosurePolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final long SCHOOL = 1, OTHER_SCHOOL = 2;
    private static final long DIJKSTAD = 101, VEENHOVEN = 102;

    private static final CovenantRules COVENANT = CovenantRulesLoader.load(new ConfigFiles("config").yaml("covenants/dijkstreek.yaml"));
    private final DisclosurePolicy policy = new DisclosurePolicy(COVENANT, new ConsentAgeRule(COVENANT),
            Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    /** The people at the tables of the demo region, by a short name used in the rows. */
    private static final Map<String, Viewer> VIEWERS = Map.of(
            "ZC_OWN", viewer(1, Role.CARE_COORDINATOR, 10, PartyType.SCHOOL_BOARD, Set.of(SCHOOL), Set.of()),
            "ZC_OTHER", viewer(2, Role.CARE_COORDINATOR, 10, PartyType.SCHOOL_BOARD, Set.of(OTHER_SCHOOL), Set.of()),
            "LPA_DIJKSTAD", viewer(3, Role.ATTENDANCE_OFFICER, 20, PartyType.MUNICIPALITY, Set.of(), Set.of(DIJKSTAD)),
            "LPA_VEENHOVEN", viewer(4, Role.ATTENDANCE_OFFICER, 21, PartyType.MUNICIPALITY, Set.of(), Set.of(VEENHOVEN)),
            "JGZ", viewer(5, Role.YOUTH_NURSE, 40, PartyType.YOUTH_HEALTH, Set.of(), Set.of()),
            "SWV", viewer(6, Role.PARTNERSHIP_COORDINATOR, 30, PartyType.PARTNERSHIP, Set.of(), Set.of()),
            "JEUGDHULP", viewer(7, Role.YOUTH_CARE_PROVIDER, 50, PartyType.YOUTH_CARE, Set.of(), Set.of()),
            "FG", viewer(8, Role.PRIVACY_OFFICER, 30, PartyType.PARTNERSHIP, Set.of(), Set.of()),
            "BEHEER", viewer(9, Role.ADMIN, 30, PartyType.PARTNERSHIP, Set.of(), Set.of()));

    /**
     * Columns: viewer | pupil lives in | table (NONE = not at a table) | thuiszitterstafel reason |
     * open DUO report | consent given to (party of viewer) | parents notified naming (party) |
     * expected disclosure | expected basis.
     */
    @ParameterizedTest(name = "{0} / lives in {1} / {2} {3} / DUO {4} / consent {5} / notified {6} -> {7} {8}")
    @CsvSource(delimiter = '|', textBlock = """
            # --- school staff: own schools identified, others nothing
            ZC_OWN        | DIJKSTAD  | NONE              | -                                  | N | -            | -   | IDENTIFIED   | ENROLMENT
            ZC_OWN        | VEENHOVEN | VERZUIMOVERLEG    | -                                  | N | -            | -   | IDENTIFIED   | ENROLMENT
            ZC_OTHER      | DIJKSTAD  | NONE              | -                                  | Y | -            | -   | NONE         | NONE
            # --- attendance officer: DUO report AND sworn for the residence; else alias at the table, else nothing
            LPA_DIJKSTAD  | DIJKSTAD  | VERZUIMOVERLEG    | -                                  | N | -            | -   | PSEUDONYMOUS | NONE
            LPA_DIJKSTAD  | DIJKSTAD  | VERZUIMOVERLEG    | -                                  | Y | -            | -   | IDENTIFIED   | DUO_REPORT
            LPA_DIJKSTAD  | DIJKSTAD  | NONE              | -                                  | Y | -            | -   | IDENTIFIED   | DUO_REPORT
            LPA_DIJKSTAD  | DIJKSTAD  | NONE              | -                                  | N | -            | -   | NONE         | NONE
            LPA_VEENHOVEN | DIJKSTAD  | VERZUIMOVERLEG    | -                                  | Y | -            | -   | PSEUDONYMOUS | NONE
            LPA_DIJKSTAD  | VEENHOVEN | VERZUIMOVERLEG    | -                                  | Y | -            | -   | PSEUDONYMOUS | NONE
            LPA_VEENHOVEN | DIJKSTAD  | NONE              | -                                  | Y | -            | -   | NONE         | NONE
            LPA_DIJKSTAD  | DIJKSTAD  | VERZUIMOVERLEG    | -                                  | N | LPA_DIJKSTAD | -   | PSEUDONYMOUS | NONE
            # --- JGZ/CJG, samenwerkingsverband, youth care: consent for their party and purpose
            JGZ           | DIJKSTAD  | VERZUIMOVERLEG    | -                                  | N | -            | -   | PSEUDONYMOUS | NONE
            JGZ           | DIJKSTAD  | VERZUIMOVERLEG    | -                                  | N | JGZ          | -   | IDENTIFIED   | CONSENT
            JGZ           | DIJKSTAD  | VERZUIMOVERLEG    | -                                  | N | SWV          | -   | PSEUDONYMOUS | NONE
            JGZ           | DIJKSTAD  | VERZUIMOVERLEG    | -                                  | Y | -            | -   | PSEUDONYMOUS | NONE
            JGZ           | DIJKSTAD  | NONE              | -                                  | N | JGZ          | -   | IDENTIFIED   | CONSENT
            JGZ           | DIJKSTAD  | NONE              | -                                  | N | -            | -   | NONE         | NONE
            SWV           | DIJKSTAD  | SOT               | -                                  | N | SWV          | -   | IDENTIFIED   | CONSENT
            SWV           | DIJKSTAD  | SOT               | -                                  | N | -            | SWV | PSEUDONYMOUS | NONE
            JEUGDHULP     | DIJKSTAD  | SOT               | -                                  | N | -            | -   | PSEUDONYMOUS | NONE
            JEUGDHULP     | DIJKSTAD  | SOT               | -                                  | N | JEUGDHULP    | -   | IDENTIFIED   | CONSENT
            # --- privacy officer and administrator: no case content, whatever the basis
            FG            | DIJKSTAD  | THUISZITTERSTAFEL | ABSOLUTE_ABSENCE                   | Y | SWV          | SWV | NONE         | NONE
            BEHEER        | DIJKSTAD  | VERZUIMOVERLEG    | -                                  | Y | -            | -   | NONE         | NONE
            # --- thuiszitterstafel, per cell of the covenant table (CJG | SWV | leerplicht)
            # Deels/ niet belastbaar: notify | notify | after DUO
            JGZ           | DIJKSTAD  | THUISZITTERSTAFEL | PARTIAL_OR_NO_CAPACITY             | N | -            | JGZ | IDENTIFIED   | NOTIFICATION
            JGZ           | DIJKSTAD  | THUISZITTERSTAFEL | PARTIAL_OR_NO_CAPACITY             | N | -            | -   | PSEUDONYMOUS | NONE
            SWV           | DIJKSTAD  | THUISZITTERSTAFEL | PARTIAL_OR_NO_CAPACITY             | N | -            | SWV | IDENTIFIED   | NOTIFICATION
            SWV           | DIJKSTAD  | THUISZITTERSTAFEL | PARTIAL_OR_NO_CAPACITY             | N | -            | JGZ | PSEUDONYMOUS | NONE
            LPA_DIJKSTAD  | DIJKSTAD  | THUISZITTERSTAFEL | PARTIAL_OR_NO_CAPACITY             | Y | -            | -   | IDENTIFIED   | DUO_REPORT
            LPA_DIJKSTAD  | DIJKSTAD  | THUISZITTERSTAFEL | PARTIAL_OR_NO_CAPACITY             | N | LPA_DIJKSTAD | LPA | PSEUDONYMOUS | NONE
            # Ontheffing van leerplicht: notify | notify | notify
            JGZ           | DIJKSTAD  | THUISZITTERSTAFEL | EXEMPTION                          | N | -            | JGZ | IDENTIFIED   | NOTIFICATION
            SWV           | DIJKSTAD  | THUISZITTERSTAFEL | EXEMPTION                          | N | -            | SWV | IDENTIFIED   | NOTIFICATION
            LPA_DIJKSTAD  | DIJKSTAD  | THUISZITTERSTAFEL | EXEMPTION                          | N | -            | LPA | IDENTIFIED   | NOTIFICATION
            LPA_DIJKSTAD  | DIJKSTAD  | THUISZITTERSTAFEL | EXEMPTION                          | Y | -            | -   | PSEUDONYMOUS | NONE
            LPA_VEENHOVEN | DIJKSTAD  | THUISZITTERSTAFEL | EXEMPTION                          | N | -            | LPA | PSEUDONYMOUS | NONE
            # Geoorloofd of ongeoorloofd verzuim: consent | notify | after DUO or consent
            JGZ           | DIJKSTAD  | THUISZITTERSTAFEL | AUTHORISED_OR_UNAUTHORISED_ABSENCE | N | -            | JGZ | PSEUDONYMOUS | NONE
            JGZ           | DIJKSTAD  | THUISZITTERSTAFEL | AUTHORISED_OR_UNAUTHORISED_ABSENCE | N | JGZ          | -   | IDENTIFIED   | CONSENT
            SWV           | DIJKSTAD  | THUISZITTERSTAFEL | AUTHORISED_OR_UNAUTHORISED_ABSENCE | N | -            | SWV | IDENTIFIED   | NOTIFICATION
            LPA_DIJKSTAD  | DIJKSTAD  | THUISZITTERSTAFEL | AUTHORISED_OR_UNAUTHORISED_ABSENCE | Y | -            | -   | IDENTIFIED   | DUO_REPORT
            LPA_DIJKSTAD  | DIJKSTAD  | THUISZITTERSTAFEL | AUTHORISED_OR_UNAUTHORISED_ABSENCE | N | LPA_DIJKSTAD | -   | IDENTIFIED   | CONSENT
            LPA_DIJKSTAD  | DIJKSTAD  | THUISZITTERSTAFEL | AUTHORISED_OR_UNAUTHORISED_ABSENCE | N | -            | LPA | PSEUDONYMOUS | NONE
            # Absoluut verzuim: consent | notify | after DUO
            JGZ           | DIJKSTAD  | THUISZITTERSTAFEL | ABSOLUTE_ABSENCE                   | N | JGZ          | -   | IDENTIFIED   | CONSENT
            JGZ           | DIJKSTAD  | THUISZITTERSTAFEL | ABSOLUTE_ABSENCE                   | Y | -            | JGZ | PSEUDONYMOUS | NONE
            SWV           | DIJKSTAD  | THUISZITTERSTAFEL | ABSOLUTE_ABSENCE                   | N | -            | SWV | IDENTIFIED   | NOTIFICATION
            LPA_DIJKSTAD  | DIJKSTAD  | THUISZITTERSTAFEL | ABSOLUTE_ABSENCE                   | Y | -            | -   | IDENTIFIED   | DUO_REPORT
            LPA_DIJKSTAD  | DIJKSTAD  | THUISZITTERSTAFEL | ABSOLUTE_ABSENCE                   | N | LPA_DIJKSTAD | -   | PSEUDONYMOUS | NONE
            # Geen passende onderwijsplaats: consent | notify | after DUO or consent
            JGZ           | DIJKSTAD  | THUISZITTERSTAFEL | NO_SUITABLE_PLACE                  | N | JGZ          | -   | IDENTIFIED   | CONSENT
            JGZ           | DIJKSTAD  | THUISZITTERSTAFEL | NO_SUITABLE_PLACE                  | N | -            | JGZ | PSEUDONYMOUS | NONE
            SWV           | DIJKSTAD  | THUISZITTERSTAFEL | NO_SUITABLE_PLACE                  | N | -            | SWV | IDENTIFIED   | NOTIFICATION
            LPA_DIJKSTAD  | DIJKSTAD  | THUISZITTERSTAFEL | NO_SUITABLE_PLACE                  | N | LPA_DIJKSTAD | -   | IDENTIFIED   | CONSENT
            LPA_DIJKSTAD  | DIJKSTAD  | THUISZITTERSTAFEL | NO_SUITABLE_PLACE                  | Y | -            | -   | IDENTIFIED   | DUO_REPORT
            # Wachten op opname of behandeling: consent | consent | consent (a DUO report does not do)
            JGZ           | DIJKSTAD  | THUISZITTERSTAFEL | AWAITING_ADMISSION_OR_TREATMENT    | N | JGZ          | -   | IDENTIFIED   | CONSENT
            SWV           | DIJKSTAD  | THUISZITTERSTAFEL | AWAITING_ADMISSION_OR_TREATMENT    | N | -            | SWV | PSEUDONYMOUS | NONE
            SWV           | DIJKSTAD  | THUISZITTERSTAFEL | AWAITING_ADMISSION_OR_TREATMENT    | N | SWV          | -   | IDENTIFIED   | CONSENT
            LPA_DIJKSTAD  | DIJKSTAD  | THUISZITTERSTAFEL | AWAITING_ADMISSION_OR_TREATMENT    | Y | -            | -   | PSEUDONYMOUS | NONE
            LPA_DIJKSTAD  | DIJKSTAD  | THUISZITTERSTAFEL | AWAITING_ADMISSION_OR_TREATMENT    | N | LPA_DIJKSTAD | -   | IDENTIFIED   | CONSENT
            """)
    void decidesPerCovenantRule(String viewerName, String livesIn, String table, String reason, String duo,
                                String consentTo, String notified, Disclosure expected, Basis.Kind basis) {
        Viewer viewer = VIEWERS.get(viewerName);
        MeetingType purpose = table.equals("NONE") ? null : MeetingType.valueOf(table);
        PupilFacts pupil = pupil(livesIn.equals("DIJKSTAD") ? DIJKSTAD : VEENHOVEN, duo.equals("Y"),
                consentTo.equals("-") ? List.of() : List.of(consent(1, VIEWERS.get(consentTo).partyId(),
                        purpose == null ? MeetingType.VERZUIMOVERLEG : purpose, "leesproblemen", Set.of("IDENTITY", "ABSENCE"), null)),
                notified.equals("-") ? List.of() : List.of(notification(partyOf(notified))));
        DisclosureContext context = purpose == null ? DisclosureContext.outsideMeetings("test")
                : new DisclosureContext(7L, purpose, 4, reason.equals("-") ? null : reason, "leesproblemen", "tafel:7");

        DisclosureDecision decision = policy.decide(viewer, pupil, context);

        assertEquals(expected, decision.disclosure());
        assertEquals(basis, decision.basis().kind());
        assertTrue(BUNDLE.containsKey(decision.explanationKey()), "explained: " + decision.explanationKey());
    }

    @Test
    void everyCellOfTheCovenantTableIsCoveredByARow() {
        assertEquals(Set.of("PARTIAL_OR_NO_CAPACITY", "EXEMPTION", "AUTHORISED_OR_UNAUTHORISED_ABSENCE", "ABSOLUTE_ABSENCE",
                "NO_SUITABLE_PLACE", "AWAITING_ADMISSION_OR_TREATMENT", "EDUCATION_CONSULTANT_INVOLVED"), COVENANT.reasons().keySet());
    }

    @Test
    void pseudonymousShowsOnlyAliasSchoolYearAndAbsence() {
        DisclosureDecision d = policy.decide(VIEWERS.get("LPA_DIJKSTAD"), pupil(DIJKSTAD, false, List.of(), List.of()), atVerzuimoverleg());
        assertEquals(Disclosure.PSEUDONYMOUS, d.disclosure());
        assertEquals(EnumSet.of(PupilField.ALIAS, PupilField.SCHOOL_YEAR, PupilField.ABSENCE), d.fields());
        assertEquals("Gepseudonimiseerd: er is nog geen DUO-melding.", explain(d));
    }

    @Test
    void bsnNeverReachesThePartnershipEvenWithConsentForEverything() {
        Set<String> all = Set.of("IDENTITY", "CONTACT", "SCHOOL", "ABSENCE", "HEALTH");
        DisclosureDecision d = policy.decide(VIEWERS.get("SWV"),
                pupil(DIJKSTAD, true, List.of(consent(1, 30, MeetingType.SOT, "leesproblemen", all, null)), List.of()), atSot());
        assertEquals(Disclosure.IDENTIFIED, d.disclosure());
        assertFalse(d.allows(PupilField.BSN));
        assertTrue(d.allows(PupilField.NAME));
    }

    @Test
    void attendanceOfficerWithDuoReportSeesTheBsnButNoHealthData() {
        DisclosureDecision d = policy.decide(VIEWERS.get("LPA_DIJKSTAD"), pupil(DIJKSTAD, true, List.of(), List.of()), atVerzuimoverleg());
        assertTrue(d.allows(PupilField.BSN));
        assertFalse(d.allows(PupilField.HEALTH));
    }

    @Test
    void healthDataOnlyWithConsentCoveringHealth() {
        Viewer jgz = VIEWERS.get("JGZ");
        DisclosureDecision without = policy.decide(jgz, pupil(DIJKSTAD, false,
                List.of(consent(1, 40, MeetingType.VERZUIMOVERLEG, null, Set.of("IDENTITY", "ABSENCE"), null)), List.of()), atVerzuimoverleg());
        DisclosureDecision with = policy.decide(jgz, pupil(DIJKSTAD, false,
                List.of(consent(1, 40, MeetingType.VERZUIMOVERLEG, null, Set.of("IDENTITY", "HEALTH"), null)), List.of()), atVerzuimoverleg());
        assertTrue(without.identified() && !without.allows(PupilField.HEALTH));
        assertTrue(with.identified() && with.allows(PupilField.HEALTH));
    }

    @Test
    void withdrawnConsentStopsDisclosureTheSameDay() {
        PupilFacts.ConsentFact withdrawn = new PupilFacts.ConsentFact(1, 40, "CJG", MeetingType.VERZUIMOVERLEG, null, Set.of("IDENTITY"),
                Set.of(ConsentGiver.PARENT), TODAY.minusMonths(1), null, TODAY);
        DisclosureDecision d = policy.decide(VIEWERS.get("JGZ"), pupil(DIJKSTAD, false, List.of(withdrawn), List.of()), atVerzuimoverleg());
        assertEquals(Disclosure.PSEUDONYMOUS, d.disclosure());
    }

    @Test
    void expiredConsentNoLongerCounts() {
        PupilFacts.ConsentFact expired = consent(1, 40, MeetingType.VERZUIMOVERLEG, null, Set.of("IDENTITY"), TODAY.minusDays(1));
        assertEquals(Disclosure.PSEUDONYMOUS, policy.decide(VIEWERS.get("JGZ"), pupil(DIJKSTAD, false, List.of(expired), List.of()),
                atVerzuimoverleg()).disclosure());
    }

    @Test
    void aNewHulpvraagNeedsNewConsent() {
        PupilFacts facts = pupil(DIJKSTAD, false, List.of(consent(1, 40, MeetingType.SOT, "leesproblemen", Set.of("IDENTITY"), null)), List.of());
        DisclosureContext otherQuestion = new DisclosureContext(7L, MeetingType.SOT, 2, null, "angst en schoolweigering", "tafel:7");
        assertEquals(Disclosure.IDENTIFIED, policy.decide(VIEWERS.get("JGZ"), facts, atSot()).disclosure());
        assertEquals(Disclosure.PSEUDONYMOUS, policy.decide(VIEWERS.get("JGZ"), facts, otherQuestion).disclosure());
    }

    @Test
    void consentForTheSotDoesNotOpenTheVerzuimoverleg() {
        PupilFacts facts = pupil(DIJKSTAD, false, List.of(consent(1, 40, MeetingType.SOT, "leesproblemen", Set.of("IDENTITY"), null)), List.of());
        assertEquals(Disclosure.PSEUDONYMOUS, policy.decide(VIEWERS.get("JGZ"), facts, atVerzuimoverleg()).disclosure());
    }

    @Test
    void explanationNamesTheBasis() {
        PupilFacts facts = pupil(DIJKSTAD, false, List.of(consent(1, 40, MeetingType.SOT, "leesproblemen", Set.of("IDENTITY"), null)), List.of());
        String why = explain(policy.decide(VIEWERS.get("JGZ"), facts, atSot()));
        assertTrue(why.startsWith("Herkenbaar: toestemming van ouder"), why);
        assertTrue(why.contains("SOT, hulpvraag: leesproblemen"), why);
    }

    // --- builders

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("vaadin-i18n/translations", Locale.of("nl", "NL"));

    private static String explain(DisclosureDecision d) {
        return new Explanations().explain(d);
    }

    private static DisclosureContext atVerzuimoverleg() {
        return new DisclosureContext(7L, MeetingType.VERZUIMOVERLEG, 4, null, null, "tafel:7");
    }

    private static DisclosureContext atSot() {
        return new DisclosureContext(8L, MeetingType.SOT, 2, null, "leesproblemen", "tafel:8");
    }

    private static long partyOf(String name) {
        return name.equals("LPA") ? 20 : VIEWERS.get(name).partyId();
    }

    private static PupilFacts pupil(long residence, boolean openDuoReport, List<PupilFacts.ConsentFact> consents,
                                    List<PupilFacts.NotificationFact> notifications) {
        List<PupilFacts.DuoReportFact> duo = new ArrayList<>();
        if (openDuoReport) {
            duo.add(new PupilFacts.DuoReportFact(99, DuoReportKind.RELATIVE_16H, TODAY.minusDays(3), "DUO-2026-0042"));
        }
        return new PupilFacts(500, SCHOOL, residence, residence == DIJKSTAD ? "Dijkstad" : "Veenhoven", duo, consents, notifications,
                TEN_YEARS_OLD, List.of());
    }

    /** A birth date that keeps the rows' pupil in the youngest band for every consent date used. */
    private static final LocalDate TEN_YEARS_OLD = TODAY.minusYears(10).minusMonths(3);

    /**
     * Age bands over time (fn 28, onBandChange ASK_RECONFIRMATION): a consent given in one band stops
     * identifying on the birthday that moves the pupil into the next, and "why" says who must confirm.
     * Columns: birth date | consent given on | givers | disclosure today | explanation contains
     */
    @ParameterizedTest(name = "born {0}, consent {1} by {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            2010-11-26 | 2026-11-01 | PARENT PUPIL | IDENTIFIED   | toestemming van ouder en leerling
            2010-11-25 | 2026-11-01 | PARENT PUPIL | PSEUDONYMOUS | opnieuw worden bevestigd door de leerling zelf
            2010-11-24 | 2026-11-01 | PARENT PUPIL | PSEUDONYMOUS | opnieuw worden bevestigd door de leerling zelf
            2014-11-25 | 2026-11-01 | PARENT       | PSEUDONYMOUS | opnieuw worden bevestigd door de leerling en de ouder of voogd
            2014-12-01 | 2026-11-01 | PARENT       | IDENTIFIED   | toestemming van ouder
            2010-11-20 | 2026-11-22 | PUPIL        | IDENTIFIED   | toestemming van leerling
            """)
    void consentGivenInAnotherAgeBandMustBeConfirmedAgain(LocalDate birthDate, LocalDate givenOn, String givers,
                                                          Disclosure expected, String explanation) {
        Set<ConsentGiver> by = java.util.Arrays.stream(givers.split(" ")).map(ConsentGiver::valueOf)
                .collect(java.util.stream.Collectors.toSet());
        PupilFacts.ConsentFact consent = new PupilFacts.ConsentFact(1, 40, "CJG Dijkstreek", MeetingType.VERZUIMOVERLEG, null,
                Set.of("IDENTITY"), by, givenOn, null, null);
        PupilFacts pupil = new PupilFacts(500, SCHOOL, DIJKSTAD, "Dijkstad", List.of(), List.of(consent), List.of(), birthDate, List.of());
        DisclosureDecision d = policy.decide(VIEWERS.get("JGZ"), pupil, atVerzuimoverleg());
        assertEquals(expected, d.disclosure());
        assertTrue(new Explanations().explain(d).contains(explanation), new Explanations().explain(d));
    }

    @Test
    void aClosedDuoReportIsExplainedAsClosedWithItsDates() {
        PupilFacts pupil = new PupilFacts(500, SCHOOL, DIJKSTAD, "Dijkstad", List.of(), List.of(), List.of(), TEN_YEARS_OLD,
                List.of(new PupilFacts.ClosedDuoReportFact(99, TODAY.minusDays(20), "DUO-2026-0042", TODAY.minusDays(2))));
        DisclosureDecision d = policy.decide(VIEWERS.get("LPA_DIJKSTAD"), pupil, atVerzuimoverleg());
        assertEquals(Disclosure.PSEUDONYMOUS, d.disclosure());
        String why = new Explanations().explain(d);
        assertTrue(why.contains("DUO-melding DUO-2026-0042 van 05-11-2026 is op 23-11-2026 gesloten"), why);
        assertFalse(why.contains("nog geen"), why);
    }

    private static PupilFacts.ConsentFact consent(long id, long partyId, MeetingType purpose, String hulpvraag,
                                                  Set<String> categories, LocalDate validUntil) {
        return new PupilFacts.ConsentFact(id, partyId, "Partij " + partyId, purpose, hulpvraag, categories,
                Set.of(ConsentGiver.PARENT), TODAY.minusDays(10), validUntil, null);
    }

    private static PupilFacts.NotificationFact notification(long partyId) {
        return new PupilFacts.NotificationFact(77, MeetingType.THUISZITTERSTAFEL, TODAY.minusDays(2), Set.of(partyId));
    }

    private static Viewer viewer(long id, Role role, long partyId, PartyType type, Set<Long> schools, Set<Long> sworn) {
        return new Viewer(id, "u" + id, "Gebruiker " + id, role, partyId, "Partij " + partyId, type, schools, sworn);
    }
}
