package nl.casustafel.consent;

import nl.casustafel.privacy.PupilFactsChanged;
import nl.casustafel.platform.InputRules;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.ConsentGiver;
import nl.casustafel.covenant.CovenantRules;
import nl.casustafel.covenant.MeetingType;
import nl.casustafel.covenant.Party;
import nl.casustafel.covenant.Parties;
import nl.casustafel.covenant.PartyType;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.platform.NotFoundException;
import nl.casustafel.privacy.ConsentGiversCheck;
import nl.casustafel.privacy.DisclosureDecision;
import nl.casustafel.privacy.PupilReader;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Records and withdraws consent. Who must consent follows the covenant's age bands (under 12 the
 * parent, 12 to 16 both, from 16 the pupil); a record missing a required giver is refused.
 * Withdrawal stops disclosure at once (the policy reads consents on every decision), keeps the
 * record, and puts a notice in front of every party that read the pupil under it.
 */
@Singleton
public class ConsentService {

    /** Data categories a consent can cover (art. 5.1 and health). */
    public static final Set<String> CATEGORIES = Set.of("IDENTITY", "CONTACT", "SCHOOL", "ABSENCE", "INVOLVED_PARTIES",
            "FAMILY", "SUPPORT", "INTERVENTIONS", "HEALTH");

    private final ConsentRepository consents;
    private final Parties parties;
    private final ConsentGiversCheck givers;
    private final PupilReader reader;
    private final CovenantRules covenant;
    private final Clock clock;
    private final ApplicationEventPublisher<PupilFactsChanged> events;

    public ConsentService(ConsentRepository consents, Parties parties, ConsentGiversCheck givers,
                          PupilReader reader, CovenantRules covenant, Clock clock,
                          ApplicationEventPublisher<PupilFactsChanged> events) {
        this.events = events;
        this.consents = consents;
        this.parties = parties;
        this.givers = givers;
        this.reader = reader;
        this.covenant = covenant;
        this.clock = clock;
    }

    /** What is filled in when consent is recorded. */
    public record NewConsent(@Nullable Long partyId, @Nullable MeetingType purpose, @Nullable String hulpvraag,
                             @Nullable List<String> categories, boolean givenByPupil, boolean givenByParent,
                             @Nullable String parentName, @Nullable ConsentMethod method, @Nullable LocalDate givenOn,
                             @Nullable LocalDate validUntil, @Nullable List<Long> sharedWith) {

        public NewConsent(@Nullable Long partyId, @Nullable MeetingType purpose, @Nullable String hulpvraag,
                          @Nullable List<String> categories, boolean givenByPupil, boolean givenByParent,
                          @Nullable String parentName, @Nullable ConsentMethod method, @Nullable LocalDate givenOn,
                          @Nullable LocalDate validUntil) {
            this(partyId, purpose, hulpvraag, categories, givenByPupil, givenByParent, parentName, method, givenOn, validUntil, null);
        }
    }

    /**
     * Records a consent. Recording the same consent again (same pupil, party, purpose, hulpvraag,
     * categories, givers and date, not withdrawn) changes nothing and returns the one already stored,
     * also when two identical requests arrive at the same moment (finding i): recordings for one
     * pupil are serialised on the pupil's row.
     */
    @Transactional
    public Consent record(Viewer viewer, long pupilId, NewConsent input) {
        DisclosureDecision decision = requireMayRecord(viewer, pupilId);
        boolean identified = decision.identified();
        Party party = input.partyId() == null ? null : parties.findById(input.partyId()).orElse(null);
        if (party == null) {
            throw new InvalidInputException("partyId", "Kies de partij die toestemming krijgt.");
        }
        if (!identified && party.id() != viewer.partyId()) {
            throw new InvalidInputException("partyId", "Aan tafel legt u alleen toestemming voor uw eigen organisatie vast.");
        }
        if (party.type() == PartyType.SCHOOL_BOARD) {
            throw new InvalidInputException("partyId", "De school ziet haar eigen leerlingen al; toestemming geldt voor andere partijen.");
        }
        if (input.purpose() == null) {
            throw new InvalidInputException("purpose", "Kies het doel: verzuimoverleg, SOT of thuiszitterstafel.");
        }
        String hulpvraag = input.hulpvraag() == null ? null : input.hulpvraag().strip();
        if (input.purpose() == MeetingType.SOT && (hulpvraag == null || hulpvraag.isEmpty())) {
            throw new InvalidInputException("hulpvraag", "Beschrijf de hulpvraag: toestemming voor het SOT geldt per hulpvraag.");
        }
        if (hulpvraag != null && hulpvraag.length() > 500) {
            throw new InvalidInputException("hulpvraag", "De hulpvraag is te lang (hooguit 500 tekens).");
        }
        Set<String> categories = new TreeSet<>(input.categories() == null ? List.of() : input.categories());
        if (categories.isEmpty() || !CATEGORIES.containsAll(categories)) {
            throw new InvalidInputException("categories", "Kies voor welke gegevens de toestemming geldt " + CATEGORIES + ".");
        }
        if (input.method() == null) {
            throw new InvalidInputException("method", "Kies of de toestemming mondeling in het overleg of schriftelijk is gegeven.");
        }
        LocalDate today = LocalDate.now(clock);
        if (input.givenOn() == null || input.givenOn().isAfter(today)) {
            throw new InvalidInputException("givenOn", "Vul de datum in waarop de toestemming is gegeven (niet in de toekomst).");
        }
        InputRules.requireDate("givenOn", input.givenOn(), today, 0);
        InputRules.requireDate("validUntil", input.validUntil(), today, ConsentController.CONSENT_YEARS_AHEAD);
        if (input.validUntil() != null && input.validUntil().isBefore(input.givenOn())) {
            throw new InvalidInputException("validUntil", "De einddatum ligt vóór de datum van de toestemming.");
        }
        InputRules.requireText("hulpvraag", hulpvraag, 500);
        String parentName = input.parentName() == null ? null : InputRules.requireText("parentName", input.parentName().strip(), 200);
        if (input.givenByParent() && (parentName == null || parentName.isEmpty())) {
            throw new InvalidInputException("parentName", "Vul de naam van de ouder of voogd in die toestemming gaf.");
        }
        givers.require(viewer, pupilId, decision, input.givenOn(), giversOf(input), categories.contains("HEALTH"));
        List<Long> sharedWith = sharedWith(party, input.sharedWith());
        consents.lockPupil(pupilId);
        Optional<Consent> same = consents.findByPupilIdOrderByGivenOnDesc(pupilId).stream()
                .filter(c -> !c.withdrawn() && c.partyId() == party.id() && c.purpose() == input.purpose()
                        && java.util.Objects.equals(c.hulpvraag(), hulpvraag) && c.givenOn().equals(input.givenOn())
                        && c.givenByPupil() == input.givenByPupil() && c.givenByParent() == input.givenByParent()
                        && new TreeSet<>(c.categories()).equals(categories)
                        && new TreeSet<>(c.sharedWith()).equals(new TreeSet<>(sharedWith)))
                .findFirst();
        if (same.isPresent()) {
            return same.get();
        }
        Consent saved = consents.save(new Consent(null, pupilId, party.id(), input.purpose(), hulpvraag, new ArrayList<>(categories),
                input.givenByPupil(), input.givenByParent(), input.givenByParent() ? parentName : null, input.method(),
                input.givenOn(), input.validUntil(), viewer.userId(), null, null, null, null, sharedWith));
        events.publishEvent(new PupilFactsChanged(pupilId));
        return saved;
    }

    /** The other parties the consent's scope names: existing parties, not the one that receives the consent. */
    private List<Long> sharedWith(Party holder, @Nullable List<Long> requested) {
        List<Long> parties = new ArrayList<>();
        for (Long id : requested == null ? List.<Long>of() : requested) {
            if (id == null || id.equals(holder.id()) || this.parties.findById(id).isEmpty()) {
                throw new InvalidInputException("sharedWith", "Kies bij 'gedeeld met' alleen andere bestaande partijen dan de partij die toestemming krijgt.");
            }
            if (!parties.contains(id)) {
                parties.add(id);
            }
        }
        parties.sort(null); // stored sorted, so that one consent has one form (the identical-consent index)
        return parties;
    }

    /** Withdraws a consent: disclosure under it stops at once; receiving parties get a notice. */
    @Transactional
    public Consent withdraw(Viewer viewer, long consentId, @Nullable LocalDate withdrawnOn, @Nullable String note) {
        // Not there and not yours get the same answer.
        Consent consent = consents.findById(consentId).orElseThrow(NotFoundException::new);
        requireMayRecord(viewer, consent.pupilId());
        if (consent.withdrawn()) {
            throw new InvalidInputException("consentId", "Deze toestemming is al ingetrokken.");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate on = withdrawnOn == null ? today : withdrawnOn;
        if (on.isAfter(today) || on.isBefore(consent.givenOn())) {
            throw new InvalidInputException("withdrawnOn", "De datum van intrekking ligt in de toekomst of vóór de toestemming.");
        }
        String text = note == null ? null : InputRules.requireText("note", note.strip(), 500);
        if (text != null && text.length() > 500) {
            throw new InvalidInputException("note", "De toelichting is te lang (hooguit 500 tekens).");
        }
        Consent withdrawn = consents.update(new Consent(consent.id(), consent.pupilId(), consent.partyId(), consent.purpose(),
                consent.hulpvraag(), consent.categories(), consent.givenByPupil(), consent.givenByParent(), consent.parentName(),
                consent.method(), consent.givenOn(), consent.validUntil(), consent.recordedBy(), consent.recordedAt(),
                on, viewer.userId(), text, consent.sharedWith()));
        for (Long party : consents.findRecipientParties(consentId)) {
            consents.addWithdrawalNotice(consentId, party);
        }
        events.publishEvent(new PupilFactsChanged(consent.pupilId()));
        return withdrawn;
    }

    @Transactional(readOnly = true)
    public List<Consent> ofPupil(Viewer viewer, long pupilId) {
        return reader.decision(viewer, pupilId).filter(d -> d.identified())
                .map(d -> consents.findByPupilIdOrderByGivenOnDesc(pupilId)).orElse(List.of());
    }

    private static Set<ConsentGiver> giversOf(NewConsent input) {
        Set<ConsentGiver> set = EnumSet.noneOf(ConsentGiver.class);
        if (input.givenByPupil()) {
            set.add(ConsentGiver.PUPIL);
        }
        if (input.givenByParent()) {
            set.add(ConsentGiver.PARENT);
        }
        return set;
    }

    /**
     * The pupil's school records consent (it asks beforehand, e.g. for the SOT); other parties may
     * record what was given to them at a table where they sit with the pupil.
     */
    private DisclosureDecision requireMayRecord(Viewer viewer, long pupilId) {
        return reader.decision(viewer, pupilId).filter(d -> d.visible() && !viewer.role().isGovernance())
                .orElseThrow(NotFoundException::new);
    }
}
