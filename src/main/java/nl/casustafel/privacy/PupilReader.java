package nl.casustafel.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.audit.AccessLog;
import nl.casustafel.covenant.PupilField;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The door every read of pupil data goes through: it loads the pupils with their facts, asks the
 * {@link DisclosurePolicy}, keeps only the fields the decision allows, and logs each identified
 * read in the same transaction before returning it. It also decides how a pupil is referred to outside
 * the server: the pupil number only for a viewer who sees the pupil by name, else the pupil's handle at
 * the table; a reference that comes back in is resolved here under the same rule.
 */
@Singleton
public class PupilReader {

    private final PupilRecords records;
    private final Seats tables;
    private final DisclosurePolicy policy;
    private final Explanations explanations;
    private final AccessLog accessLog;
    private final java.time.Clock clock;
    private final PupilIdentities identities;

    PupilReader(PupilRecords records, Seats tables, DisclosurePolicy policy, Explanations explanations,
                AccessLog accessLog, java.time.Clock clock, PupilIdentities identities) {
        this.clock = clock;
        this.identities = identities;
        this.records = records;
        this.tables = tables;
        this.policy = policy;
        this.explanations = explanations;
        this.accessLog = accessLog;
    }

    /**
     * How many pupils of the viewer's own schools match a pupil-list filter ({@link PupilIdentities#ofSchoolsByName}), so
     * that a paged list can say how many there are in total. The kernel shows school staff every pupil of their own
     * schools by name ({@link DisclosurePolicy}: why.ownSchool), so the count is exactly what they may page through;
     * for anyone else it is 0. Nothing is logged: no pupil is read.
     */
    @Transactional(readOnly = true)
    public long ownSchoolsTotal(Viewer viewer, @Nullable String namePattern, @Nullable Integer schoolYear) {
        if (!viewer.role().isSchoolStaff() || viewer.schoolIds().isEmpty()) {
            return 0;
        }
        return identities.countOfSchoolsByName(viewer.schoolIds(), namePattern, schoolYear);
    }

    /** One pupil as the viewer may see it, at the given table or the first one they share; empty when not at all. */
    @Transactional
    public Optional<PupilView> read(Viewer viewer, long pupilId, @Nullable Long seriesId, String where) {
        return read(viewer, List.of(pupilId), seriesId, where).stream().findFirst();
    }

    /** The pupils the viewer may see, in the order asked for; the others left out. */
    @Transactional
    public List<PupilView> read(Viewer viewer, Collection<Long> pupilIds, @Nullable Long seriesId, String where) {
        Map<Long, PupilRecords.Loaded> loaded = records.load(pupilIds);
        Map<Long, DisclosureContext> seats = tables.seats(viewer, loaded.keySet(), seriesId);
        List<PupilView> views = new ArrayList<>();
        List<AccessLog.Read> reads = new ArrayList<>();
        for (Long id : pupilIds) {
            PupilRecords.Loaded pupil = loaded.get(id);
            if (pupil == null) {
                continue;
            }
            DisclosureContext context = seats.getOrDefault(pupil.stored().id(), DisclosureContext.outsideMeetings(where));
            DisclosureDecision decision = policy.decide(viewer, pupil.facts(), context);
            if (!decision.visible()) {
                continue;
            }
            views.add(view(pupil.stored(), context, decision));
            if (decision.identified()) {
                reads.add(new AccessLog.Read(pupil.stored().id(), context.atTable() ? where + ", " + context.description() : where,
                        decision.basis().kind().name(), decision.basis().id()));
            }
        }
        accessLog.record(viewer, reads);
        return views;
    }

    /**
     * The pupils at one table, read once for any number of viewers (issue 14): one statement for identity, the
     * facts that decide disclosure, the seats at the table and who sits there. Nothing is decided or logged yet.
     */
    @Transactional(readOnly = true)
    public TablePupils loadAtTable(Collection<Long> pupilIds, long seriesId) {
        List<Long> ids = pupilIds.stream().distinct().toList();
        return new TablePupils(ids.isEmpty() ? new PupilRecords.AtTable(seriesId, Map.of(), Map.of(), java.util.Set.of(), Map.of())
                : records.loadAtTable(ids, seriesId), ids);
    }

    /** What one viewer sees of the pupils read at the table, each read by name logged (one batched insert). */
    @Transactional
    public SeenAtTable readAt(Viewer viewer, TablePupils pupils, java.util.function.Function<Long, String> where) {
        return readAt(List.of(viewer), pupils, where).get(viewer);
    }

    /**
     * What each of the viewers sees of the pupils read once at the table: the kernel decides per viewer and per
     * pupil, exactly as {@link #read} does, and every read by name of every viewer goes into the access log in one
     * batched insert, before anything is returned. {@code where} gives the context logged per pupil.
     */
    @Transactional
    public Map<Viewer, SeenAtTable> readAt(Collection<Viewer> viewers, TablePupils pupils, java.util.function.Function<Long, String> where) {
        Map<Viewer, SeenAtTable> seen = new java.util.LinkedHashMap<>();
        Map<Viewer, List<AccessLog.Read>> reads = new java.util.LinkedHashMap<>();
        PupilRecords.AtTable read = pupils.read;
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        for (Viewer viewer : viewers) {
            boolean seated = read.participants().contains(viewer.userId());
            Map<Long, PupilView> views = new java.util.HashMap<>();
            Map<Long, ContentViewer> readers = new java.util.HashMap<>();
            Map<Long, DisclosedFacts> facts = new java.util.HashMap<>();
            List<AccessLog.Read> logged = new ArrayList<>();
            for (Long id : pupils.pupilIds()) {
                PupilRecords.Loaded pupil = read.loaded().get(id);
                if (pupil == null) {
                    continue;
                }
                String context0 = where.apply(id);
                Long keptBy = read.scaledDownKeptBy().get(id);
                DisclosureContext context = !seated ? DisclosureContext.outsideMeetings(context0)
                        : keptBy != null && keptBy != viewer.partyId() ? DisclosureContext.scaledDown("afgeschaald")
                        : read.seats().getOrDefault(id, DisclosureContext.outsideMeetings(context0));
                DisclosureDecision decision = policy.decide(viewer, pupil.facts(), context);
                readers.put(id, ContentViewer.of(viewer, decision, decision.visible()
                        ? policy.consentCategoriesNaming(viewer, pupil.facts(), context) : java.util.Set.of()));
                if (!decision.visible()) {
                    continue;
                }
                PupilView view = view(pupil.stored(), context, decision);
                views.put(id, view);
                facts.put(id, disclosedFacts(view, pupil.facts(), today));
                if (decision.identified()) {
                    logged.add(new AccessLog.Read(id, context.atTable() ? context0 + ", " + context.description() : context0,
                            decision.basis().kind().name(), decision.basis().id()));
                }
            }
            reads.put(viewer, logged);
            seen.put(viewer, new SeenAtTable(views, readers, facts, ContentViewer.withoutPupil(viewer)));
        }
        accessLog.record(reads);
        return seen;
    }

    /**
     * The facts about one pupil the viewer may see at a table ({@link DisclosedFacts}); empty when the viewer
     * does not see the pupil there. Reading them by name is logged like any identified read.
     */
    @Transactional
    public Optional<DisclosedFacts> facts(Viewer viewer, long pupilId, long seriesId, String where) {
        Optional<PupilView> seen = read(viewer, pupilId, seriesId, where);
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        PupilView pupil = seen.get();
        if (pupil.disclosure() != Disclosure.IDENTIFIED) {
            return Optional.of(disclosedFacts(pupil, null, java.time.LocalDate.now(clock)));
        }
        return Optional.of(disclosedFacts(pupil, records.load(List.of(pupilId)).get(pupilId).facts(), java.time.LocalDate.now(clock)));
    }

    /** The facts beside a pupil view: absence figures as the decision allows, DUO reports and consents only by name. */
    private static DisclosedFacts disclosedFacts(PupilView pupil, @Nullable PupilFacts facts, java.time.LocalDate today) {
        boolean absence = pupil.fields().contains(PupilField.ABSENCE);
        if (pupil.disclosure() != Disclosure.IDENTIFIED || facts == null) {
            return new DisclosedFacts(pupil, absence, List.of(), List.of());
        }
        List<DisclosedFacts.DuoReport> reports = new ArrayList<>();
        facts.openDuoReports().forEach(r -> reports.add(new DisclosedFacts.DuoReport(r.kind(), r.reportedOn(), r.reference(), null)));
        facts.closedDuoReports().forEach(r -> reports.add(new DisclosedFacts.DuoReport(null, r.reportedOn(), r.reference(), r.closedOn())));
        reports.sort(java.util.Comparator.comparing(DisclosedFacts.DuoReport::reportedOn).reversed());
        List<DisclosedFacts.Consent> consents = facts.consents().stream()
                .sorted(java.util.Comparator.comparing(PupilFacts.ConsentFact::givenOn).reversed())
                .map(c -> new DisclosedFacts.Consent(c.partyName(), c.purpose(), c.hulpvraag(), c.givenOn(), c.validUntil(),
                        c.withdrawnOn(), c.validOn(today)))
                .toList();
        return new DisclosedFacts(pupil, absence, reports, consents);
    }

    /**
     * One pupil by a reference from outside the server ({@link PupilRef}): a handle gives the pupil at
     * its table, only to someone who sits there (and, with {@code seriesId}, only when that is the
     * handle's table); a pupil number gives the pupil only to a viewer who sees it by name there. Empty
     * otherwise, which the caller answers as "not found".
     */
    @Transactional
    public Optional<PupilView> read(Viewer viewer, String ref, @Nullable Long seriesId, String where) {
        Optional<PupilRef> parsed = PupilRef.parse(ref);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        return switch (parsed.get()) {
            case PupilRef.Handle handle -> tables.seatByHandle(viewer, handle.value())
                    .filter(seat -> seriesId == null || seriesId == seat.seriesId())
                    .flatMap(seat -> read(viewer, seat.pupilId(), seat.seriesId(), where));
            // Only identified reads are logged, and only those are returned here.
            case PupilRef.Number number -> read(viewer, number.pupilId(), seriesId, where)
                    .filter(v -> v.disclosure() == Disclosure.IDENTIFIED);
        };
    }

    /**
     * The pupil number behind a reference from outside, for recording something about the pupil: a
     * handle of a table the viewer sits at, or the number of a pupil the viewer sees by name. The
     * service that records still asks for the decision it needs.
     */
    @Transactional(readOnly = true)
    public Optional<Long> resolve(Viewer viewer, String ref) {
        Optional<PupilRef> parsed = PupilRef.parse(ref);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        return switch (parsed.get()) {
            case PupilRef.Handle handle -> tables.seatByHandle(viewer, handle.value()).map(Seats.Seat::pupilId);
            case PupilRef.Number number -> decision(viewer, number.pupilId())
                    .filter(DisclosureDecision::identified).map(d -> number.pupilId());
        };
    }

    /** The decision alone, for rules that need it without reading the pupil (e.g. who may record a consent). */
    @Transactional(readOnly = true)
    public Optional<DisclosureDecision> decision(Viewer viewer, long pupilId) {
        return decision(viewer, pupilId, null);
    }

    /** The decision at one table ({@code seriesId}), or at the first table shared when null; nothing is logged. */
    @Transactional(readOnly = true)
    public Optional<DisclosureDecision> decision(Viewer viewer, long pupilId, @Nullable Long seriesId) {
        Map<Long, PupilRecords.Loaded> loaded = records.load(List.of(pupilId));
        PupilRecords.Loaded pupil = loaded.get(pupilId);
        if (pupil == null) {
            return Optional.empty();
        }
        DisclosureContext context = tables.seats(viewer, List.of(pupilId), seriesId)
                .getOrDefault(pupilId, DisclosureContext.outsideMeetings("decision"));
        return Optional.of(policy.decide(viewer, pupil.facts(), context));
    }

    /**
     * The decision for the chair who handles a data subject's own request about the pupil at a table: the
     * restriction or objection in force is not applied, since handling the request (and lifting a
     * restriction) is the processing the data subject asked for (art. 18.2 AVG). Nothing is read or logged.
     */
    @Transactional(readOnly = true)
    public Optional<DisclosureDecision> decisionForOwnRequest(Viewer viewer, long pupilId, long seriesId) {
        PupilRecords.Loaded pupil = records.load(List.of(pupilId)).get(pupilId);
        if (pupil == null) {
            return Optional.empty();
        }
        DisclosureContext context = tables.seats(viewer, List.of(pupilId), seriesId)
                .getOrDefault(pupilId, DisclosureContext.outsideMeetings("decision"));
        return Optional.of(policy.decide(viewer, pupil.facts().withoutLimits(), context));
    }

    /**
     * The viewer as a reader (or writer) of case content about the pupil at a table: disclosure, basis and
     * the consent categories that name the viewer's party. Nothing is logged: content is read beside a
     * pupil read that is. A pupil that does not exist gives a viewer who sees nothing.
     */
    @Transactional(readOnly = true)
    public ContentViewer contentViewer(Viewer viewer, long pupilId, @Nullable Long seriesId) {
        PupilRecords.Loaded pupil = records.load(List.of(pupilId)).get(pupilId);
        if (pupil == null) {
            return new ContentViewer(viewer.userId(), viewer.partyId(), viewer.partyType(), Disclosure.NONE, Basis.NONE, java.util.Set.of());
        }
        DisclosureContext context = tables.seats(viewer, List.of(pupilId), seriesId)
                .getOrDefault(pupilId, DisclosureContext.outsideMeetings("inhoud"));
        DisclosureDecision decision = policy.decide(viewer, pupil.facts(), context);
        return ContentViewer.of(viewer, decision, decision.visible() ? policy.consentCategoriesNaming(viewer, pupil.facts(), context)
                : java.util.Set.of());
    }

    private PupilView view(PupilRecords.Stored s, DisclosureContext context, DisclosureDecision d) {
        // The pupil number leaves the server only with the name; at a table the handle stands in for it.
        return new PupilView(s.id(), d.identified() ? s.id() : null, context.handle(), d.disclosure(),
                d.allows(PupilField.ALIAS) ? context.alias() : null,
                d.allows(PupilField.NAME) ? s.givenName() + " " + s.familyName() : null,
                d.allows(PupilField.BIRTH_DATE) ? s.birthDate() : null,
                d.allows(PupilField.BSN) ? s.bsn() : null,
                d.allows(PupilField.ADDRESS) ? s.address() + ", " + s.postalCode() : null,
                d.allows(PupilField.RESIDENCE) ? s.residenceName() : null,
                d.allows(PupilField.SCHOOL) ? s.schoolId() : null,
                d.allows(PupilField.SCHOOL) ? s.schoolName() : null,
                d.allows(PupilField.SCHOOL_YEAR) ? s.schoolYear() : null,
                context.seriesId(), context.atTable() ? context.description() : null, d.fields(), d.basis(), explanations.explain(d));
    }
}
