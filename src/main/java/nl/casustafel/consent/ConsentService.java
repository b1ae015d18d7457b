package nl.casustafel.consent;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import nl.casustafel.meeting.MeetingEvents;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.ConsentGiver;
import nl.casustafel.covenant.CovenantRules;
import nl.casustafel.covenant.MeetingType;
import nl.casustafel.covenant.Party;
import nl.casustafel.covenant.PartyRepository;
import nl.casustafel.covenant.PartyType;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.pupil.PupilIdentityRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
    private final PartyRepository parties;
    private final PupilIdentityRepository identities;
    private final PupilReader reader;
    private final CovenantRules covenant;
    private final Clock clock;
    private final ApplicationEventPublisher<MeetingEvents.PupilFactsChanged> events;

    public ConsentService(ConsentRepository consents, PartyRepository parties, PupilIdentityRepository identities,
                          PupilReader reader, CovenantRules covenant, Clock clock,
                          ApplicationEventPublisher<MeetingEvents.PupilFactsChanged> events) {
        this.events = events;
        this.consents = consents;
        this.parties = parties;
        this.identities = identities;
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

    @Transactional
    public Consent record(Viewer viewer, long pupilId, NewConsent input) {
        boolean identified = requireMayRecord(viewer, pupilId);
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
        Set<String> categories = new LinkedHashSet<>(input.categories() == null ? List.of() : input.categories());
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
        if (input.validUntil() != null && input.validUntil().isBefore(input.givenOn())) {
            throw new InvalidInputException("validUntil", "De einddatum ligt vóór de datum van de toestemming.");
        }
        String parentName = input.parentName() == null ? null : input.parentName().strip();
        if (input.givenByParent() && (parentName == null || parentName.isEmpty())) {
            throw new InvalidInputException("parentName", "Vul de naam van de ouder of voogd in die toestemming gaf.");
        }
        requireGiversForAge(pupilId, input, categories);
        List<Long> sharedWith = sharedWith(party, input.sharedWith());
        Consent saved = consents.save(new Consent(null, pupilId, party.id(), input.purpose(), hulpvraag, new ArrayList<>(categories),
                input.givenByPupil(), input.givenByParent(), input.givenByParent() ? parentName : null, input.method(),
                input.givenOn(), input.validUntil(), viewer.userId(), null, null, null, null, sharedWith));
        events.publishEvent(new MeetingEvents.PupilFactsChanged(pupilId));
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
        return parties;
    }

    /** Withdraws a consent: disclosure under it stops at once; receiving parties get a notice. */
    @Transactional
    public Consent withdraw(Viewer viewer, long consentId, @Nullable LocalDate withdrawnOn, @Nullable String note) {
        Consent consent = consents.findById(consentId)
                .orElseThrow(() -> new InvalidInputException("consentId", "Deze toestemming bestaat niet."));
        requireMayRecord(viewer, consent.pupilId());
        if (consent.withdrawn()) {
            throw new InvalidInputException("consentId", "Deze toestemming is al ingetrokken.");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate on = withdrawnOn == null ? today : withdrawnOn;
        if (on.isAfter(today) || on.isBefore(consent.givenOn())) {
            throw new InvalidInputException("withdrawnOn", "De datum van intrekking ligt in de toekomst of vóór de toestemming.");
        }
        String text = note == null ? null : note.strip();
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
        events.publishEvent(new MeetingEvents.PupilFactsChanged(consent.pupilId()));
        return withdrawn;
    }

    @Transactional(readOnly = true)
    public List<Consent> ofPupil(Viewer viewer, long pupilId) {
        return reader.decision(viewer, pupilId).filter(d -> d.identified())
                .map(d -> consents.findByPupilIdOrderByGivenOnDesc(pupilId)).orElse(List.of());
    }

    /** The age band's givers must all have consented; health data needs the same. */
    private void requireGiversForAge(long pupilId, NewConsent input, Set<String> categories) {
        LocalDate birth = identities.findById(pupilId).orElseThrow().birthDate();
        int age = Period.between(birth, input.givenOn()).getYears();
        Set<ConsentGiver> required = covenant.consentBand(age).givers();
        List<String> missing = new ArrayList<>();
        if (required.contains(ConsentGiver.PARENT) && !input.givenByParent()) {
            missing.add("de ouder of voogd");
        }
        if (required.contains(ConsentGiver.PUPIL) && !input.givenByPupil()) {
            missing.add("de leerling zelf");
        }
        if (!missing.isEmpty()) {
            String what = categories.contains("HEALTH") ? "gezondheidsgegevens en andere gegevens" : "deze gegevens";
            throw new InvalidInputException("givers", "De leerling was " + age + " jaar op de dag van de toestemming; voor "
                    + what + " moet dan ook " + String.join(" en ", missing) + " toestemming geven.");
        }
    }

    /**
     * The pupil's school records consent (it asks beforehand, e.g. for the SOT); other parties may
     * record what was given to them at a table where they sit with the pupil.
     */
    private boolean requireMayRecord(Viewer viewer, long pupilId) {
        var decision = reader.decision(viewer, pupilId).filter(d -> d.visible() && !viewer.role().isGovernance());
        if (decision.isEmpty()) {
            throw new InvalidInputException("pupilId", "U kunt voor deze leerling geen toestemming vastleggen.");
        }
        return decision.get().identified();
    }
}
