package nl.casustafel.rights;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.DutchDates;
import nl.casustafel.platform.InputRules;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.privacy.ContentPolicy;
import nl.casustafel.privacy.ContentProvenance;
import nl.casustafel.privacy.ContentViewer;
import nl.casustafel.privacy.PupilFactsChanged;
import nl.casustafel.privacy.PupilIdentities;
import nl.casustafel.privacy.PupilIdentities.RectifiableField;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.WriterBasis;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Carries out a granted data-subject request (covenant art. 13; AVG art. 16-21), for the chair who decided
 * it, in one transaction, after showing what will change ({@link #preview}):
 * <ul>
 * <li>rectification: the named datum (an identity field the school provided, or a note, outcome or action
 *     text) is overwritten, the old value kept nowhere; a correction record (who, when, which request) and a
 *     notice to the party that provided it (art. 19 AVG);</li>
 * <li>erasure: the named note, outcome or action text is deleted from storage, so from every view; identity
 *     data (the school's enrolment administration), DUO reports, consents and the access log are kept
 *     (art. 17.3 b AVG: legal obligations), which the answer says;</li>
 * <li>restriction and objection: put in force for the privacy kernel ({@code processing_limit}); a
 *     restriction is lifted when it ends ({@link #lift});</li>
 * <li>access and portability: recorded as carried out (the overview or export was handed over).</li>
 * </ul>
 * Every change publishes {@link PupilFactsChanged}, after commit, so live screens re-read.
 */
@Singleton
public class RequestExecutionService {

    private final DataSubjectRequestService requests;
    private final RequestExecutions store;
    private final PupilIdentities identities;
    private final PupilReader reader;
    private final ContentPolicy content;
    private final ApplicationEventPublisher<PupilFactsChanged> events;
    private final Clock clock;

    RequestExecutionService(DataSubjectRequestService requests, RequestExecutions store, PupilIdentities identities, PupilReader reader,
                            ContentPolicy content, ApplicationEventPublisher<PupilFactsChanged> events, Clock clock) {
        this.requests = requests;
        this.store = store;
        this.identities = identities;
        this.reader = reader;
        this.content = content;
        this.events = events;
        this.clock = clock;
    }

    /** What the chair names: the datum (kind, id or identity field) and, for a rectification, the corrected value. */
    @Serdeable
    public record Execution(@Nullable TargetKind target, @Nullable Long targetId, @Nullable RectifiableField field, @Nullable String value) {

        public static Execution none() {
            return new Execution(null, null, null, null);
        }
    }

    /** What carrying out will change, in Dutch, one line per change. */
    @Serdeable
    public record Preview(long requestId, RequestKind kind, List<String> changes) {
    }

    /** A datum the chair may name, for the choice in the screen: never one the chair may not read. */
    @Serdeable
    public record Target(TargetKind kind, long id, String label) {
    }

    private record Plan(DataSubjectRequestService.Stored request, List<String> changes, @Nullable RequestExecutions.Content datum,
                        @Nullable Object value, long provider) {
    }

    @Transactional(readOnly = true)
    public Preview preview(Viewer viewer, long requestId, @Nullable Execution input) {
        Plan plan = plan(viewer, requestId, input == null ? Execution.none() : input);
        return new Preview(requestId, plan.request().kind(), plan.changes());
    }

    @Transactional
    public DataSubjectRequestView execute(Viewer viewer, long requestId, @Nullable Execution input) {
        Execution in = input == null ? Execution.none() : input;
        Plan plan = plan(viewer, requestId, in);
        DataSubjectRequestService.Stored r = plan.request();
        LocalDate today = LocalDate.now(clock);
        String targetKind = null;
        Long targetId = null;
        String field = null;
        switch (r.kind()) {
            case RECTIFICATION, ERASURE -> {
                targetKind = in.target().name();
                field = in.target() == TargetKind.PUPIL ? in.field().name() : null;
                targetId = in.target() == TargetKind.PUPIL ? r.pupilId() : in.targetId();
                int changed = r.kind() == RequestKind.RECTIFICATION ? rectify(r.pupilId(), in, plan) : erase(plan.datum());
                if (changed != 1) {
                    throw new HttpStatusException(HttpStatus.NOT_FOUND, "Gegevens niet gevonden.");
                }
                store.recordCorrection(requestId, r.pupilId(), r.kind().name(), targetKind, targetId, field, viewer.userId(),
                        viewer.partyId(), plan.provider());
            }
            case RESTRICTION, OBJECTION -> store.limit(requestId, r.pupilId(), r.kind().name(), today);
            case ACCESS, PORTABILITY -> {
                // the overview or export was handed to the data subject: nothing changes in the data
            }
        }
        if (store.executed(requestId, today, viewer.userId(), targetKind, targetId, field) != 1) {
            throw new InvalidInputException("status", "Dit verzoek is al uitgevoerd.");
        }
        events.publishEvent(new PupilFactsChanged(r.pupilId()));
        return requests.viewFor(viewer, requestId);
    }

    /** Ends a restriction that was carried out: from today the kernel uses the pupil's data at the tables again. */
    @Transactional
    public DataSubjectRequestView lift(Viewer viewer, long requestId) {
        DataSubjectRequestService.Stored r = requests.handledByChair(viewer, requestId).request();
        if (r.kind() != RequestKind.RESTRICTION || r.executedOn() == null) {
            throw new InvalidInputException("kind", "Alleen een uitgevoerde beperking van de verwerking kan worden opgeheven.");
        }
        LocalDate today = LocalDate.now(clock);
        if (store.lift(requestId, today) != 1 || store.lifted(requestId, today) != 1) {
            throw new InvalidInputException("status", "Deze beperking is al opgeheven.");
        }
        events.publishEvent(new PupilFactsChanged(r.pupilId()));
        return requests.viewFor(viewer, requestId);
    }

    /**
     * Extends the answer period by two months (art. 12.3 AVG): only while the request is open, once, within
     * the first month, and with the reasons the requester is told of.
     */
    @Transactional
    public DataSubjectRequestView extend(Viewer viewer, long requestId, @Nullable String reason) {
        DataSubjectRequestService.Stored r = requests.handledByChair(viewer, requestId).request();
        LocalDate today = LocalDate.now(clock);
        if (r.status() != RequestStatus.OPEN) {
            throw new InvalidInputException("status", "Alleen de termijn van een open verzoek kan worden verlengd.");
        }
        if (r.extendedOn() != null) {
            throw new InvalidInputException("status", "De termijn is al verlengd; dat kan één keer, met ten hoogste twee maanden (art. 12.3 AVG).");
        }
        if (today.isAfter(DataSubjectRequestService.dueOn(r.receivedOn()))) {
            throw new InvalidInputException("reason", "Verlengen kan alleen binnen de eerste maand na ontvangst (art. 12.3 AVG); die is verstreken op "
                    + DutchDates.DATE.format(DataSubjectRequestService.dueOn(r.receivedOn())) + ".");
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("reason", "Vul de redenen van de verlenging in; de verzoeker wordt daarover binnen de eerste maand ingelicht.");
        }
        InputRules.requireText("reason", text, 2000);
        store.extend(requestId, today, text, r.receivedOn().plusMonths(3));
        return requests.viewFor(viewer, requestId);
    }

    /** The case content about the pupil the chair may read and name in a rectification or erasure. */
    @Transactional(readOnly = true)
    public List<Target> targets(Viewer viewer, long requestId) {
        DataSubjectRequestService.Stored r = requests.handledByChair(viewer, requestId).request();
        ContentViewer chair = reader.contentViewer(viewer, r.pupilId(), r.seriesId());
        return store.content(r.pupilId()).stream().filter(c -> readable(chair, c))
                .map(c -> new Target(TargetKind.valueOf(c.kind()), c.id(), describe(c) + ": " + shorten(c.text())))
                .toList();
    }

    private Plan plan(Viewer viewer, long requestId, Execution in) {
        DataSubjectRequestService.Handled handled = requests.handledByChair(viewer, requestId);
        DataSubjectRequestService.Stored r = handled.request();
        if (r.status() != RequestStatus.GRANTED) {
            throw new InvalidInputException("status", "Alleen een toegewezen verzoek wordt uitgevoerd; beslis eerst op het verzoek.");
        }
        if (r.executedOn() != null) {
            throw new InvalidInputException("status", "Dit verzoek is al uitgevoerd op " + DutchDates.DATE.format(r.executedOn()) + ".");
        }
        List<String> changes = new ArrayList<>();
        return switch (r.kind()) {
            case RECTIFICATION, ERASURE -> datumPlan(viewer, handled, in);
            case RESTRICTION -> {
                changes.add("De verwerking wordt beperkt: aan tafel ziet geen partij behalve de school de leerling nog bij naam; "
                        + "een grondslag die alleen voor de tafels geldt (toestemming, melding aan ouders) geeft geen inzage meer. "
                        + "De gegevens blijven bewaard. De beperking loopt tot u haar opheft.");
                yield new Plan(r, changes, null, null, 0);
            }
            case OBJECTION -> {
                changes.add("Verwerking op grond van toestemming stopt: partijen die de leerling alleen met toestemming zagen, zien de "
                        + "leerling niet meer bij naam en lezen geen inhoud meer die onder toestemming is ingebracht. Partijen met een "
                        + "wettelijke grondslag (de school, leerplicht na een DUO-melding) gaan door.");
                yield new Plan(r, changes, null, null, 0);
            }
            case ACCESS -> {
                changes.add("Het verzoek wordt als uitgevoerd vastgelegd: het inzageoverzicht is aan de betrokkene verstrekt.");
                yield new Plan(r, changes, null, null, 0);
            }
            case PORTABILITY -> {
                changes.add("Het verzoek wordt als uitgevoerd vastgelegd: de export van de gegevens die op toestemming zijn verwerkt "
                        + "(voetnoot 30 convenant) is aan de betrokkene verstrekt.");
                yield new Plan(r, changes, null, null, 0);
            }
        };
    }

    private Plan datumPlan(Viewer viewer, DataSubjectRequestService.Handled handled, Execution in) {
        DataSubjectRequestService.Stored r = handled.request();
        boolean rectify = r.kind() == RequestKind.RECTIFICATION;
        if (in.target() == null) {
            throw new InvalidInputException("target", rectify ? "Kies het gegeven dat wordt gerectificeerd." : "Kies het gegeven dat wordt verwijderd.");
        }
        List<String> changes = new ArrayList<>();
        if (in.target() == TargetKind.PUPIL) {
            if (!rectify) {
                throw new InvalidInputException("target", "Identiteitsgegevens (naam, geboortedatum, adres) horen bij de inschrijving die de school "
                        + "wettelijk moet bijhouden; die worden niet verwijderd (art. 17 lid 3 onder b AVG). Rectificatie kan wel.");
            }
            if (in.field() == null) {
                throw new InvalidInputException("field", "Kies welk leerlinggegeven wordt gerectificeerd.");
            }
            if (!handled.decision().allows(in.field().shownAs())) {
                throw new InvalidInputException("field", "Dit gegeven is voor uw organisatie niet zichtbaar onder het convenant; "
                        + "de school die het inbracht voert de rectificatie uit.");
            }
            Object value = PupilIdentities.validated(in.field(), in.value());
            long school = store.schoolBoard(r.pupilId()).orElseThrow();
            changes.add(in.field().label() + " van de leerling wordt: " + value + ". De oude waarde wordt nergens bewaard.");
            changes.add(store.partyName(school).orElse("") + ", die het gegeven inbracht, krijgt bericht van de rectificatie.");
            return new Plan(r, changes, null, value, school);
        }
        if (in.targetId() == null) {
            throw new InvalidInputException("targetId", "Kies het gegeven (aantekening, uitkomst of actie).");
        }
        ContentViewer chair = reader.contentViewer(viewer, r.pupilId(), r.seriesId());
        RequestExecutions.Content datum = store.content(r.pupilId()).stream()
                .filter(c -> c.kind().equals(in.target().name()) && c.id() == in.targetId() && readable(chair, c))
                .findFirst().orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Gegevens niet gevonden."));
        String value = null;
        if (rectify) {
            value = in.value() == null ? "" : in.value().strip();
            if (value.isEmpty()) {
                throw new InvalidInputException("value", "Vul de juiste tekst in.");
            }
            InputRules.requireText("value", value, datum.kind().equals("ACTION") ? 500 : 2000);
            changes.add(describe(datum) + " wordt vervangen door: " + value + ". De oude tekst wordt nergens bewaard.");
        } else {
            changes.add(describe(datum) + " wordt verwijderd, bij alle partijen: op de leerlingpagina, in de agenda en aantekeningen, "
                    + "in de verslagen (ook als PDF) en in het inzageoverzicht.");
            changes.add("Bewaard blijven: de inschrijving bij de school, DUO-meldingen, toestemmingen en het toegangslogboek "
                    + "(wettelijke plichten, art. 17 lid 3 onder b AVG).");
        }
        changes.add(datum.provider() + ", die het gegeven inbracht, krijgt bericht.");
        return new Plan(r, changes, datum, value, datum.providerPartyId());
    }

    private int rectify(long pupilId, Execution in, Plan plan) {
        if (in.target() == TargetKind.PUPIL) {
            identities.rectify(pupilId, in.field(), in.value());
            return 1;
        }
        String text = (String) plan.value();
        return switch (in.target()) {
            case NOTE -> store.rectifyNote(in.targetId(), text);
            case OUTCOME -> store.rectifyOutcome(in.targetId(), text);
            case ACTION -> store.rectifyAction(in.targetId(), text);
            case PUPIL -> 0;
        };
    }

    private int erase(RequestExecutions.Content datum) {
        return switch (TargetKind.valueOf(datum.kind())) {
            case NOTE -> store.eraseNote(datum.id());
            case OUTCOME -> store.eraseOutcome(datum.id());
            case ACTION -> store.eraseAction(datum.id());
            case PUPIL -> 0;
        };
    }

    private boolean readable(ContentViewer chair, RequestExecutions.Content c) {
        ContentProvenance provenance = ContentProvenance.of(c.providerPartyId(), c.writerId(), WriterBasis.valueOf(c.writerBasis()),
                c.writerBasisId(), c.category());
        if (c.assigneeId() != null) {
            provenance = provenance.assignedTo(c.assigneeId());
        }
        return content.decide(chair, provenance).readable();
    }

    private static String describe(RequestExecutions.Content c) {
        return TargetKind.valueOf(c.kind()).label() + " #" + c.id() + " van " + c.provider() + " (" + c.table() + ", "
                + DutchDates.DATE.format(c.at()) + ")";
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
