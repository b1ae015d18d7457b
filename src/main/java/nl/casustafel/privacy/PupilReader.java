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

    PupilReader(PupilRecords records, Seats tables, DisclosurePolicy policy, Explanations explanations,
                AccessLog accessLog, java.time.Clock clock) {
        this.clock = clock;
        this.records = records;
        this.tables = tables;
        this.policy = policy;
        this.explanations = explanations;
        this.accessLog = accessLog;
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
        boolean absence = pupil.fields().contains(PupilField.ABSENCE);
        if (pupil.disclosure() != Disclosure.IDENTIFIED) {
            return Optional.of(new DisclosedFacts(pupil, absence, List.of(), List.of()));
        }
        PupilFacts facts = records.load(List.of(pupilId)).get(pupilId).facts();
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        List<DisclosedFacts.DuoReport> reports = new ArrayList<>();
        facts.openDuoReports().forEach(r -> reports.add(new DisclosedFacts.DuoReport(r.kind(), r.reportedOn(), r.reference(), null)));
        facts.closedDuoReports().forEach(r -> reports.add(new DisclosedFacts.DuoReport(null, r.reportedOn(), r.reference(), r.closedOn())));
        reports.sort(java.util.Comparator.comparing(DisclosedFacts.DuoReport::reportedOn).reversed());
        List<DisclosedFacts.Consent> consents = facts.consents().stream()
                .sorted(java.util.Comparator.comparing(PupilFacts.ConsentFact::givenOn).reversed())
                .map(c -> new DisclosedFacts.Consent(c.partyName(), c.purpose(), c.hulpvraag(), c.givenOn(), c.validUntil(),
                        c.withdrawnOn(), c.validOn(today)))
                .toList();
        return Optional.of(new DisclosedFacts(pupil, absence, reports, consents));
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
