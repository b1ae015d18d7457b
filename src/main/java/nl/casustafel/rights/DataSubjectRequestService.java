package nl.casustafel.rights;

import nl.casustafel.platform.InputRules;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.ConsentGiver;
import nl.casustafel.meeting.MeetingSeries;
import nl.casustafel.meeting.MeetingTables;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.privacy.ContentPolicy;
import nl.casustafel.privacy.ContentProvenance;
import nl.casustafel.privacy.ContentViewer;
import nl.casustafel.privacy.WriterBasis;
import nl.casustafel.privacy.DisclosureDecision;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.privacy.RequesterAgeCheck;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The register of data-subject requests (art. 13 covenant). A request is addressed to the regisseur
 * (chair) of a table; only that chair, seeing the pupil by name at that table as the
 * {@link nl.casustafel.privacy.DisclosurePolicy} decides it, registers and decides it. Every participant
 * of the table sees the open requests for the pupils on its case list (13.2: the request is discussed
 * with the other parties), each at their own disclosure level through the {@link PupilReader}.
 * <p>
 * Who may not see the table or the pupil gets a 404; a participant who is not the chair, or a chair who
 * does not see the pupil by name, a 403.
 */
@Singleton
public class DataSubjectRequestService {

    static final String READ_CONTEXT = "verzoek van betrokkene";

    private final DataSubjectRequests store;
    private final PupilReader reader;
    private final MeetingTables tables;
    private final RequesterAgeCheck requesterAge;
    private final ContentPolicy content;
    private final Clock clock;

    public DataSubjectRequestService(DataSubjectRequests store, PupilReader reader, MeetingTables tables,
                                     RequesterAgeCheck requesterAge, ContentPolicy content, Clock clock) {
        this.content = content;
        this.store = store;
        this.reader = reader;
        this.tables = tables;
        this.requesterAge = requesterAge;
        this.clock = clock;
    }

    /** What the chair fills in; {@code pupil} is the pupil's number or its handle at the table. */
    public record NewRequest(@Nullable Long seriesId, @Nullable String pupil, @Nullable RequestKind kind,
                             @Nullable Requester requestedBy, @Nullable LocalDate receivedOn, @Nullable String summary) {
    }

    /** The chair's decision; {@code decidedOn} defaults to today. */
    public record Decision(@Nullable RequestStatus status, @Nullable String motivation, @Nullable LocalDate decidedOn) {
    }

    /** A stored request, for the server's own use; read by {@link DataSubjectRequests} as a projection. */
    @Introspected
    record Stored(long id, long pupilId, long seriesId, String table, RequestKind kind, Requester requestedBy, LocalDate receivedOn,
                  LocalDate dueOn, @Nullable String summary, RequestStatus status, @Nullable LocalDate decidedOn,
                  @Nullable String motivation, String registeredBy, String registeredByParty,
                  long registeredById, long registeredByPartyId, WriterBasis registeredBasis, @Nullable Long registeredBasisId,
                  @Nullable LocalDate extendedOn, @Nullable String extensionReason, @Nullable LocalDate executedOn,
                  @Nullable String targetKind, @Nullable Long targetId, @Nullable String targetField, @Nullable LocalDate liftedOn) {

        /** Summary and motivation are case content the chair brought in (registration category of the covenant file). */
        ContentProvenance provenance(String category) {
            return ContentProvenance.of(registeredByPartyId, registeredById, registeredBasis, registeredBasisId, category);
        }
    }

    @Transactional
    public DataSubjectRequestView register(Viewer viewer, NewRequest input) {
        if (input.seriesId() == null) {
            throw new InvalidInputException("series", "Kies de tafel waarvan u regisseur bent en waaraan het verzoek is gericht.");
        }
        if (input.pupil() == null || input.pupil().isBlank()) {
            throw new InvalidInputException("pupil", "Kies de leerling op wie het verzoek betrekking heeft.");
        }
        long pupilId = reader.resolve(viewer, input.pupil().trim())
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Leerling niet gevonden."));
        DisclosureDecision decision = requireChair(viewer, input.seriesId(), pupilId);
        if (input.kind() == null) {
            throw new InvalidInputException("kind", "Kies wat de betrokkene vraagt: inzage, rectificatie, beperking, bezwaar, verwijdering of overdracht.");
        }
        if (input.requestedBy() == null) {
            throw new InvalidInputException("requestedBy", "Kies wie het verzoek doet: de leerling of de ouder of voogd.");
        }
        LocalDate today = LocalDate.now(clock);
        if (input.receivedOn() == null) {
            throw new InvalidInputException("receivedOn", "Vul de datum in waarop het schriftelijke verzoek is ontvangen.");
        }
        if (input.receivedOn().isAfter(today)) {
            throw new InvalidInputException("receivedOn", "De ontvangstdatum van het verzoek kan niet in de toekomst liggen.");
        }
        InputRules.requireDate("receivedOn", input.receivedOn(), today, 0);
        requesterAge.require(pupilId, decision, input.requestedBy() == Requester.PUPIL ? ConsentGiver.PUPIL : ConsentGiver.PARENT,
                input.receivedOn());
        String summary = input.summary() == null || input.summary().isBlank() ? null
                : InputRules.requireText("summary", input.summary().trim(), 1000);
        if (summary != null && summary.length() > 1000) {
            throw new InvalidInputException("summary", "De omschrijving is te lang; houd het bij ten hoogste 1000 tekens.");
        }
        ContentViewer chair = reader.contentViewer(viewer, pupilId, input.seriesId());
        long id = store.insert(pupilId, input.seriesId(), input.kind().name(), input.requestedBy().name(), input.receivedOn(),
                dueOn(input.receivedOn()), summary, viewer.userId(), viewer.partyId(), WriterBasis.of(chair).name(), chair.basis().id());
        return views(viewer, List.of(stored(id).orElseThrow()), input.seriesId()).getFirst();
    }

    /** Art. 12.3 AVG: the answer is due within one month of receipt. */
    public static LocalDate dueOn(LocalDate receivedOn) {
        return receivedOn.plusMonths(1);
    }

    @Transactional
    public DataSubjectRequestView decide(Viewer viewer, long requestId, Decision input) {
        Stored request = stored(requestId).orElseThrow(DataSubjectRequestService::requestNotFound);
        requireChair(viewer, request.seriesId(), request.pupilId());
        if (input.status() == null || input.status() == RequestStatus.OPEN) {
            throw new InvalidInputException("status", "Kies of het verzoek wordt toegewezen of afgewezen.");
        }
        String motivation = input.motivation() == null || input.motivation().isBlank() ? null : input.motivation().trim();
        if (input.status() == RequestStatus.REFUSED && motivation == null) {
            throw new InvalidInputException("motivation",
                    "Een afwijzing wordt schriftelijk en duidelijk gemotiveerd (art. 13.2 convenant). Vul de motivering in.");
        }
        InputRules.requireText("motivation", motivation, 4000);
        if (motivation != null && motivation.length() > 4000) {
            throw new InvalidInputException("motivation", "De motivering is te lang; houd het bij ten hoogste 4000 tekens.");
        }
        LocalDate decidedOn = input.decidedOn() == null ? LocalDate.now(clock) : input.decidedOn();
        if (decidedOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("decidedOn", "De datum van het besluit kan niet in de toekomst liggen.");
        }
        if (decidedOn.isBefore(request.receivedOn())) {
            throw new InvalidInputException("decidedOn", "De datum van het besluit kan niet vóór de ontvangst van het verzoek liggen.");
        }
        int updated = store.decide(requestId, input.status().name(), decidedOn, viewer.userId(), motivation);
        if (updated == 0) {
            throw new InvalidInputException("status", "Over dit verzoek is al beslist.");
        }
        return views(viewer, List.of(stored(requestId).orElseThrow()), request.seriesId()).getFirst();
    }

    /** The open requests addressed to a table, for every participant, each pupil at the viewer's own disclosure level. */
    @Transactional
    public List<DataSubjectRequestView> openAt(Viewer viewer, long seriesId) {
        MeetingSeries table = tables.table(seriesId).orElseThrow(DataSubjectRequestService::tableNotFound);
        if (!isChair(viewer, table) && !tables.sitsAt(seriesId, viewer.userId())) {
            throw tableNotFound();
        }
        return views(viewer, store.openAt(seriesId), seriesId);
    }

    /**
     * All requests about a pupil addressed to tables the viewer chairs and handles them at, for the pupil page.
     * Without the pupil ({@code pupil} is null): the page has read and shows it already.
     */
    @Transactional(readOnly = true)
    public List<DataSubjectRequestView> handledBy(Viewer viewer, long pupilId) {
        LocalDate today = LocalDate.now(clock);
        List<DataSubjectRequestView> views = new ArrayList<>();
        for (long seriesId : chairedTablesOf(viewer, pupilId)) {
            ContentViewer chair = reader.contentViewer(viewer, pupilId, seriesId);
            store.atTable(seriesId, pupilId)
                    .forEach(r -> views.add(view(r, null, readable(chair, r), today)));
        }
        return views;
    }

    /** The tables with this pupil on their case list where the viewer is the chair and sees the pupil by name. */
    @Transactional(readOnly = true)
    public List<Long> chairedTablesOf(Viewer viewer, long pupilId) {
        List<Long> chaired = store.chairedTables(viewer.userId(), pupilId);
        return chaired.stream().filter(s -> reader.decisionForOwnRequest(viewer, pupilId, s).filter(DisclosureDecision::identified).isPresent())
                .toList();
    }

    /** The names of the tables, for the register dialog. */
    @Transactional(readOnly = true)
    public String tableName(long seriesId) {
        return tables.table(seriesId).map(MeetingSeries::name).orElse("?");
    }

    /**
     * The request for its chair, who must see the pupil by name at the request's table; for the access
     * overview. Nothing is logged here.
     */
    @Transactional(readOnly = true)
    Stored forChair(Viewer viewer, long requestId) {
        Stored request = stored(requestId).orElseThrow(DataSubjectRequestService::requestNotFound);
        requireChair(viewer, request.seriesId(), request.pupilId());
        return request;
    }

    /** The requests about a pupil, all tables and statuses, for the access overview (they are data about the pupil too). */
    List<Stored> allOf(long pupilId) {
        return store.allOf(pupilId);
    }

    /** The request for its chair, with the chair's decision (restriction and objection not applied: art. 18.2 AVG). */
    @Transactional(readOnly = true)
    Handled handledByChair(Viewer viewer, long requestId) {
        Stored request = stored(requestId).orElseThrow(DataSubjectRequestService::requestNotFound);
        return new Handled(request, requireChair(viewer, request.seriesId(), request.pupilId()));
    }

    record Handled(Stored request, DisclosureDecision decision) {
    }

    /** The request as the chair sees it after a change (execution, extension). */
    DataSubjectRequestView viewFor(Viewer viewer, long requestId) {
        Stored r = stored(requestId).orElseThrow(DataSubjectRequestService::requestNotFound);
        return view(r, null, readable(reader.contentViewer(viewer, r.pupilId(), r.seriesId()), r), LocalDate.now(clock));
    }

    private DisclosureDecision requireChair(Viewer viewer, long seriesId, long pupilId) {
        MeetingSeries table = tables.table(seriesId).orElseThrow(DataSubjectRequestService::tableNotFound);
        boolean chair = isChair(viewer, table);
        if (!chair && !tables.sitsAt(seriesId, viewer.userId())) {
            throw tableNotFound();
        }
        if (!tables.pupilsAt(seriesId).contains(pupilId)) {
            throw pupilNotFound();
        }
        DisclosureDecision decision = reader.decisionForOwnRequest(viewer, pupilId, seriesId).filter(DisclosureDecision::visible)
                .orElseThrow(DataSubjectRequestService::pupilNotFound);
        if (!chair) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN,
                    "Alleen de regisseur (voorzitter) van deze tafel registreert en beslist verzoeken van betrokkenen (art. 13.1 convenant).");
        }
        if (!decision.identified()) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN,
                    "U ziet deze leerling aan deze tafel niet bij naam; een verzoek van betrokkene kan alleen worden afgehandeld door wie de leerling bij naam ziet.");
        }
        return decision;
    }

    private static boolean isChair(Viewer viewer, MeetingSeries table) {
        return table.chairId() != null && table.chairId() == viewer.userId();
    }


    private List<DataSubjectRequestView> views(Viewer viewer, List<Stored> requests, long seriesId) {
        if (requests.isEmpty()) {
            return List.of();
        }
        Map<Long, PupilView> pupils = reader.read(viewer, requests.stream().map(Stored::pupilId).distinct().toList(), seriesId, READ_CONTEXT)
                .stream().collect(Collectors.toMap(PupilView::pupilId, Function.identity()));
        LocalDate today = LocalDate.now(clock);
        List<DataSubjectRequestView> views = new ArrayList<>();
        for (Stored r : requests) {
            PupilView pupil = pupils.get(r.pupilId());
            if (pupil == null) {
                continue;
            }
            views.add(view(r, new DataSubjectRequestView.PupilLabel(pupil.id(), pupil.handle(), pupil.disclosure(), pupil.alias(),
                    pupil.name()), readable(reader.contentViewer(viewer, r.pupilId(), seriesId), r), today));
        }
        return views;
    }

    /** Whether the viewer may read the request's summary and motivation: the privacy kernel decides (ContentPolicy). */
    private boolean readable(ContentViewer viewer, Stored r) {
        return content.decide(viewer, r.provenance(content.registrationCategory())).readable();
    }

    private static DataSubjectRequestView view(Stored r, @Nullable DataSubjectRequestView.PupilLabel pupil, boolean identified, LocalDate today) {
        return new DataSubjectRequestView(r.id(), r.seriesId(), r.table(), pupil,
                r.kind(), r.kind().label(), r.requestedBy(), r.receivedOn(), r.dueOn(),
                r.status() == RequestStatus.OPEN && today.isAfter(r.dueOn()), r.status(), r.status().label(), r.decidedOn(),
                identified ? r.summary() : null, identified ? r.motivation() : null, r.registeredBy(), r.registeredByParty(),
                r.extendedOn(), identified ? r.extensionReason() : null, r.executedOn(), r.liftedOn());
    }

    private Optional<Stored> stored(long id) {
        return store.byId(id);
    }

    private static HttpStatusException tableNotFound() {
        return new HttpStatusException(HttpStatus.NOT_FOUND, "Tafel niet gevonden.");
    }

    private static HttpStatusException pupilNotFound() {
        return new HttpStatusException(HttpStatus.NOT_FOUND, "Leerling niet gevonden.");
    }

    private static HttpStatusException requestNotFound() {
        return new HttpStatusException(HttpStatus.NOT_FOUND, "Verzoek niet gevonden.");
    }
}
