package nl.casustafel.privacy;

import nl.casustafel.platform.DutchDates;

import jakarta.inject.Singleton;
import nl.casustafel.covenant.Role;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.CovenantRules;
import nl.casustafel.covenant.MeetingType;
import nl.casustafel.covenant.PartyType;
import nl.casustafel.covenant.PupilField;
import nl.casustafel.covenant.TableRule;
import nl.casustafel.privacy.PupilFacts.ConsentFact;
import nl.casustafel.privacy.PupilFacts.DuoReportFact;
import nl.casustafel.privacy.PupilFacts.NotificationFact;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that decides what a viewer may see of a pupil. Every read of pupil data — views,
 * REST API, and later minutes and exports — asks this policy, which applies the covenant file:
 * <ul>
 * <li>school staff see their own schools' pupils identified, others not at all;</li>
 * <li>an attendance officer sees a pupil identified with an open DUO report and the pupil living in
 *     a municipality the officer is sworn for (at the thuiszitterstafel: per the covenant table);</li>
 * <li>JGZ/CJG, samenwerkingsverband and youth care: identified with valid consent for their party and
 *     purpose, or where the table says "notify", a recorded notification of the parents;</li>
 * <li>otherwise pseudonymous where a table puts viewer and pupil together, else nothing;</li>
 * <li>the privacy officer and the administrator see no case content.</li>
 * </ul>
 */
@Singleton
public class DisclosurePolicy {

    public static final String HEALTH = "HEALTH";

    private final CovenantRules covenant;
    private final ConsentAgeRule ages;
    private final Clock clock;

    public DisclosurePolicy(CovenantRules covenant, ConsentAgeRule ages, Clock clock) {
        this.covenant = covenant;
        this.ages = ages;
        this.clock = clock;
    }

    public DisclosureDecision decide(Viewer viewer, PupilFacts pupil, DisclosureContext context) {
        LocalDate today = LocalDate.now(clock);
        Role role = viewer.role();
        if (role.isGovernance()) {
            return none("why.governance");
        }
        if (context.scaledDown()) {
            // Afschaling: the professionals' file ends, except the school of enrolment's (Seats decides who that is).
            return none("why.scaledDown");
        }
        if (role.isSchoolStaff()) {
            return viewer.worksAt(pupil.schoolId())
                    ? identified(viewer, pupil, new Basis(Basis.Kind.ENROLMENT, pupil.schoolId()), today, "why.ownSchool", List.of())
                    : none("why.otherSchool");
        }
        DisclosureDecision decision = role == Role.ATTENDANCE_OFFICER
                ? attendanceOfficer(viewer, pupil, context, today)
                : consentBasedParty(viewer, pupil, context, today);
        return restricted(pupil, context, decision) ? pseudonymousOrNone(context, "why.restricted", List.of()) : decision;
    }

    /**
     * A restriction of processing (art. 18 AVG, carried out from a granted request) withholds the pupil from
     * the tables: at a table nobody but the school sees more than the alias, and a basis that exists only for
     * the tables (consent, notification) identifies nowhere. The data stay stored; the school keeps its own
     * enrolment administration and leerplicht its DUO file outside the tables (art. 18.2: storage and legal
     * obligations). Lifted when the restriction ends.
     */
    private static boolean restricted(PupilFacts pupil, DisclosureContext context, DisclosureDecision decision) {
        if (!pupil.restricted() || !decision.identified()) {
            return false;
        }
        Basis.Kind basis = decision.basis().kind();
        return context.atTable() || basis == Basis.Kind.CONSENT || basis == Basis.Kind.NOTIFICATION;
    }

    private DisclosureDecision attendanceOfficer(Viewer viewer, PupilFacts pupil, DisclosureContext context, LocalDate today) {
        TableRule rule = tableRule(context, PartyType.MUNICIPALITY).orElse(TableRule.AFTER_DUO);
        boolean sworn = viewer.swornMunicipalityIds().contains(pupil.residenceMunicipalityId());
        if (sworn) {
            Optional<DisclosureDecision> identified = identifiedByRule(viewer, pupil, context, rule, today);
            if (identified.isPresent()) {
                return identified.get();
            }
        }
        if (!sworn) {
            // The explanation does not name the municipality: residence is not part of the pseudonymous view.
            return pseudonymousOrNone(context, "why.notSworn", List.of());
        }
        if (rule.acceptsDuoReport() && pupil.openDuoReports().isEmpty() && !pupil.closedDuoReports().isEmpty()) {
            // A report existed and was closed: say so, with its dates, rather than "no report yet" (finding f).
            PupilFacts.ClosedDuoReportFact closed = pupil.closedDuoReports().getFirst();
            return pseudonymousOrNone(context, "why.duoReportClosed", List.of(closed.reference(),
                    DutchDates.DATE.format(closed.reportedOn()), DutchDates.DATE.format(closed.closedOn())));
        }
        return pseudonymousOrNone(context, reasonKey(rule), partyLabel(viewer));
    }

    private DisclosureDecision consentBasedParty(Viewer viewer, PupilFacts pupil, DisclosureContext context, LocalDate today) {
        // Youth care and social work are not in the table: they always need consent.
        TableRule rule = tableRule(context, viewer.partyType()).orElse(TableRule.ASK_CONSENT);
        if (pupil.objected()) {
            return identifiedByRule(viewer, pupil, context, rule, today)
                    .orElseGet(() -> matchingConsents(viewer, pupil, context, today).findAny().isPresent()
                            ? pseudonymousOrNone(context, "why.objection", List.of())
                            : pseudonymousOrNone(context, reasonKey(rule), partyLabel(viewer)));
        }
        return identifiedByRule(viewer, pupil, context, rule, today)
                .orElseGet(() -> reconfirmationDue(viewer, pupil, context, today)
                        .map(c -> pseudonymousOrNone(context, "why.consentReconfirm", List.of(DutchDates.DATE.format(c.givenOn()),
                                c.partyName(), ages.reconfirmers(pupil.birthDate(), today))))
                        .orElseGet(() -> pseudonymousOrNone(context, reasonKey(rule), partyLabel(viewer))));
    }

    /** A consent that would count but for the pupil having moved into another age band since it was given. */
    private Optional<ConsentFact> reconfirmationDue(Viewer viewer, PupilFacts pupil, DisclosureContext context, LocalDate today) {
        return matchingConsents(viewer, pupil, context, today)
                .filter(c -> !ages.sameBand(pupil.birthDate(), c.givenOn(), today))
                .findFirst();
    }

    /** Applies one cell of the table; consent always suffices for the parties that are not leerplicht. */
    private Optional<DisclosureDecision> identifiedByRule(Viewer viewer, PupilFacts pupil, DisclosureContext context,
                                                          TableRule rule, LocalDate today) {
        if (rule.acceptsDuoReport() && !pupil.openDuoReports().isEmpty()) {
            DuoReportFact report = pupil.openDuoReports().getFirst();
            return Optional.of(identified(viewer, pupil, new Basis(Basis.Kind.DUO_REPORT, report.id()), today, "why.duoReport",
                    List.of(report.reference(), DutchDates.DATE.format(report.reportedOn()), pupil.residenceMunicipalityName())));
        }
        // An objection (art. 21 AVG, granted and carried out) ends processing on consent; legal bases continue.
        boolean consentCounts = !pupil.objected() && (rule.acceptsConsent() || viewer.role() != Role.ATTENDANCE_OFFICER);
        if (consentCounts) {
            Optional<ConsentFact> consent = consentFor(viewer, pupil, context, today);
            if (consent.isPresent()) {
                ConsentFact c = consent.get();
                return Optional.of(identified(viewer, pupil, new Basis(Basis.Kind.CONSENT, c.id()), today, "why.consent",
                        List.of(givers(c), DutchDates.DATE.format(c.givenOn()), c.partyName(), purpose(c))));
            }
        }
        if (rule.acceptsNotification()) {
            Optional<NotificationFact> notification = pupil.notifications().stream()
                    .filter(n -> n.purpose() == MeetingType.THUISZITTERSTAFEL && n.partyIds().contains(viewer.partyId()))
                    .findFirst();
            if (notification.isPresent()) {
                NotificationFact n = notification.get();
                return Optional.of(identified(viewer, pupil, new Basis(Basis.Kind.NOTIFICATION, n.id()), today, "why.notification",
                        List.of(DutchDates.DATE.format(n.notifiedOn()), viewer.partyName())));
            }
        }
        return Optional.empty();
    }

    private Optional<ConsentFact> consentFor(Viewer viewer, PupilFacts pupil, DisclosureContext context, LocalDate today) {
        return matchingConsents(viewer, pupil, context, today)
                .filter(c -> ages.sameBand(pupil.birthDate(), c.givenOn(), today))
                .findFirst();
    }

    /** The viewer's party's valid consents for this purpose (and hulpvraag), whatever the pupil's age band. */
    private java.util.stream.Stream<ConsentFact> matchingConsents(Viewer viewer, PupilFacts pupil, DisclosureContext context,
                                                                 LocalDate today) {
        return pupil.consents().stream()
                .filter(c -> c.partyId() == viewer.partyId() && c.validOn(today))
                .filter(c -> context.purpose() == null || c.purpose() == context.purpose())
                .filter(c -> context.purpose() != MeetingType.SOT || context.hulpvraag() == null
                        || context.hulpvraag().equalsIgnoreCase(c.hulpvraag()));
    }

    /**
     * The data categories of the valid consents for this pupil (and the table's purpose, and for the SOT
     * its hulpvraag) that the viewer's party holds or that name it in their scope: what content given
     * under consent, and health data, may reach this viewer (covenant art. 6.1; N33).
     */
    public Set<String> consentCategoriesNaming(Viewer viewer, PupilFacts pupil, DisclosureContext context) {
        LocalDate today = LocalDate.now(clock);
        Set<String> categories = new java.util.HashSet<>();
        if (pupil.objected()) {
            return categories; // art. 21 AVG: no processing on consent after a granted objection
        }
        pupil.consents().stream()
                .filter(c -> c.names(viewer.partyId()) && c.validOn(today))
                .filter(c -> context.purpose() == null || c.purpose() == context.purpose())
                .filter(c -> context.purpose() != MeetingType.SOT || context.hulpvraag() == null
                        || context.hulpvraag().equalsIgnoreCase(c.hulpvraag()))
                .forEach(c -> categories.addAll(c.categories()));
        return categories;
    }

    private DisclosureDecision identified(Viewer viewer, PupilFacts pupil, Basis basis, LocalDate today, String key, List<String> params) {
        Set<PupilField> fields = EnumSet.noneOf(PupilField.class);
        fields.addAll(covenant.identifiedView());
        fields.addAll(covenant.fieldsVisibleTo(viewer.partyType()));
        boolean healthConsent = !pupil.objected() && pupil.consents().stream()
                .anyMatch(c -> c.partyId() == viewer.partyId() && c.validOn(today) && c.covers(HEALTH)
                        && ages.sameBand(pupil.birthDate(), c.givenOn(), today));
        if (healthConsent) {
            fields.add(PupilField.HEALTH);
        } else {
            fields.remove(PupilField.HEALTH);
        }
        return new DisclosureDecision(Disclosure.IDENTIFIED, fields, basis, key, params);
    }

    private DisclosureDecision pseudonymousOrNone(DisclosureContext context, String reasonKey, String param) {
        return pseudonymousOrNone(context, reasonKey, param == null ? List.of() : List.of(param));
    }

    private DisclosureDecision pseudonymousOrNone(DisclosureContext context, String reasonKey, List<String> params) {
        if (!context.atTable()) {
            return new DisclosureDecision(Disclosure.NONE, Set.of(), Basis.NONE, "why.notAtTable", List.of());
        }
        return new DisclosureDecision(Disclosure.PSEUDONYMOUS, covenant.pseudonymousView(), Basis.NONE, reasonKey, params);
    }

    private static DisclosureDecision none(String key) {
        return new DisclosureDecision(Disclosure.NONE, Set.of(), Basis.NONE, key, List.of());
    }

    private Optional<TableRule> tableRule(DisclosureContext context, PartyType party) {
        if (context.purpose() != MeetingType.THUISZITTERSTAFEL) {
            return Optional.empty();
        }
        return covenant.reason(context.reason()).flatMap(r -> r.ruleFor(party));
    }

    private static String reasonKey(TableRule rule) {
        return switch (rule) {
            case AFTER_DUO -> "why.noDuoReport";
            case AFTER_DUO_OR_CONSENT -> "why.noDuoReportOrConsent";
            case ASK_CONSENT -> "why.noConsent";
            case NOTIFY -> "why.noNotification";
        };
    }

    private static String partyLabel(Viewer viewer) {
        return viewer.partyName();
    }

    private static String givers(ConsentFact c) {
        if (c.givers().size() == 2) {
            return "ouder en leerling";
        }
        return c.givers().contains(nl.casustafel.covenant.ConsentGiver.PARENT) ? "ouder" : "leerling";
    }

    private static String purpose(ConsentFact c) {
        String meeting = switch (c.purpose()) {
            case VERZUIMOVERLEG -> "verzuimoverleg";
            case SOT -> "SOT";
            case THUISZITTERSTAFEL -> "thuiszitterstafel";
        };
        return c.hulpvraag() == null || c.hulpvraag().isBlank() ? meeting : meeting + ", hulpvraag: " + c.hulpvraag();
    }
}
