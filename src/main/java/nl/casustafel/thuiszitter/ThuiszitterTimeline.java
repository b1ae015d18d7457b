package nl.casustafel.thuiszitter;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.PupilField;
import nl.casustafel.covenant.ThuiszitterTerms;
import nl.casustafel.platform.NotFoundException;
import nl.casustafel.privacy.Basis;
import nl.casustafel.privacy.ContentDecision;
import nl.casustafel.privacy.ContentPolicy;
import nl.casustafel.privacy.ContentViewer;
import nl.casustafel.privacy.Disclosure;
import nl.casustafel.privacy.DisclosureDecision;
import nl.casustafel.privacy.PupilFactsChanged;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.privacy.Seats;
import nl.casustafel.privacy.WriterBasis;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The thuiszitter's timeline at a thuiszitterstafel (Bijlage 3.3), read and written through the privacy kernel.
 * <p>
 * <b>Who.</b> A participant of the thuiszitterstafel whose seat there still discloses the pupil (by name or under
 * the alias; {@code privacy.Seats} closes it after afschaling except for the school of enrolment's party), and the
 * school of enrolment's staff, who hold the case whether or not they sit at the table. Anyone else, and a pupil
 * that does not exist or is on no thuiszitterstafel, is one 404. A handle counts only for its own table.
 * <p>
 * <b>What.</b> Each entry is case content; {@link ContentPolicy} decides per entry, and a withheld entry is told
 * by the kernel's reason only. The figures (durations) and signals are derived from every entry, so they are
 * shown only when the viewer may read every entry and the kernel's decision allows absence figures; otherwise the
 * viewer is told why not.
 */
@Singleton
public class ThuiszitterTimeline {

    private static final int DESCRIPTION_MAX = 500;

    private final TimelineRepositories.Entries entries;
    private final PupilReader reader;
    private final ContentPolicy content;
    private final Seats seats;
    private final ThuiszitterTerms terms;
    private final TimelineInput input;
    private final ApplicationEventPublisher<Object> events;
    private final Clock clock;

    ThuiszitterTimeline(TimelineRepositories.Entries entries, PupilReader reader, ContentPolicy content, Seats seats,
                        ThuiszitterTerms terms, TimelineInput input, ApplicationEventPublisher<Object> events, Clock clock) {
        this.entries = entries;
        this.reader = reader;
        this.content = content;
        this.seats = seats;
        this.terms = terms;
        this.input = input;
        this.events = events;
        this.clock = clock;
    }

    /** One entry as a viewer may read it; the provider's name only for a viewer who sees the pupil by name. */
    @Serdeable
    public record Entry(long id, TimelineEntry.Kind kind, @Nullable TimelineEntry.AbsenceKind absenceKind,
                        @Nullable Boolean exemption, java.time.LocalDate startsOn, @Nullable LocalDate endsOn,
                        @Nullable java.math.BigDecimal hoursPerWeek, @Nullable Integer daysPerWeek,
                        @Nullable String description, @Nullable String providedBy) {
    }

    /**
     * The timeline as the viewer may see it. {@code figures} is null when {@code figuresShown} is false, and
     * {@code figuresWithheldReason} then says why; {@code withheld} lists the kernel's reasons for entries left out.
     */
    @Serdeable
    public record Timeline(PupilView pupil, String table, List<Entry> entries, List<String> withheld, boolean figuresShown,
                           @Nullable String figuresWithheldReason, @Nullable TimelineFigures figures) {
    }

    /** A pupil with signals on the timeline of a table the viewer sits at (the coordinator's home screen). */
    @Serdeable
    public record Due(PupilView pupil, String table, List<TimelineFigures.Signal> signals) {
    }

    /** Where the viewer sees the timeline: the table, the pupil there, and the viewer as a content reader. */
    private record Seen(long seriesId, PupilView pupil, ContentViewer viewer) {
    }

    @Transactional
    public Timeline read(Viewer viewer, String ref, @Nullable Long seriesId) {
        Seen seen = seen(viewer, ref, seriesId).orElseThrow(NotFoundException::new);
        return timeline(seen);
    }

    @Transactional
    public Timeline record(Viewer viewer, String ref, @Nullable Long seriesId, TimelineInput.NewEntry request) {
        Seen seen = seen(viewer, ref, seriesId).orElseThrow(NotFoundException::new);
        long pupilId = seen.pupil().pupilId();
        List<TimelineEntry> existing = entries.findBySeriesIdAndPupilIdOrderByStartsOnAndId(seen.seriesId(), pupilId);
        TimelineInput.Checked checked = input.check(request, existing, LocalDate.now(clock));
        save(viewer, seen.viewer(), seen.seriesId(), pupilId, checked);
        events.publishEvent(new PupilFactsChanged(pupilId));
        return timeline(seen);
    }

    /**
     * Marks the pupil fully back on the day given (afschaling with a reason that takes the pupil off the list),
     * unless the timeline says so already; written as the decider's content. Call within the decision's transaction,
     * before the seat closes.
     */
    @Transactional
    public void markFullyBack(Viewer decider, long seriesId, long pupilId, LocalDate on, String why) {
        if (!entries.isThuiszitterTable(seriesId) || entries.fullyBack(seriesId, pupilId)) {
            return;
        }
        ContentViewer writer = reader.contentViewer(decider, pupilId, seriesId);
        save(decider, writer, seriesId, pupilId, new TimelineInput.Checked(TimelineEntry.Kind.FULLY_BACK, null, null, on, null,
                null, null, why));
    }

    /** Whether an afschaling reason (code) takes the pupil off the thuiszitter list (covenant {@code leaveListWhen}). */
    public boolean leavesTheList(String reasonCode) {
        return terms.leaveListWhen().contains(reasonCode);
    }

    /**
     * The signals of the pupil's timeline at the table for the live meeting, at the viewer's level: empty when the
     * table is no thuiszitterstafel, the viewer does not see the pupil there, or may not see the figures. Not logged:
     * shown beside the item's pupil, whose read is.
     */
    @Transactional(readOnly = true)
    public List<TimelineFigures.Signal> signalsAt(Viewer viewer, long seriesId, long pupilId) {
        if (!entries.isThuiszitterTable(seriesId)) {
            return List.of();
        }
        Optional<DisclosureDecision> decision = reader.decision(viewer, pupilId, seriesId);
        if (decision.isEmpty() || !decision.get().visible() || !decision.get().fields().contains(PupilField.ABSENCE)) {
            return List.of();
        }
        ContentViewer reader_ = reader.contentViewer(viewer, pupilId, seriesId);
        List<TimelineEntry> all = entries.findBySeriesIdAndPupilIdOrderByStartsOnAndId(seriesId, pupilId);
        if (all.stream().anyMatch(e -> !content.decide(reader_, e.provenance()).readable())) {
            return List.of();
        }
        return TimelineFigures.of(all, entries.registeredOn(seriesId, pupilId).orElse(null), terms, LocalDate.now(clock)).signals();
    }

    /** The pupils with signals at the thuiszitterstafels the viewer sits at, each at the viewer's level (logged when by name). */
    @Transactional
    public List<Due> dueAtMyTables(Viewer viewer) {
        List<Due> due = new ArrayList<>();
        for (Map.Entry<Long, List<Long>> table : seats.casesAtTablesOf(viewer).entrySet()) {
            long seriesId = table.getKey();
            if (!entries.isThuiszitterTable(seriesId)) {
                continue;
            }
            for (long pupilId : table.getValue()) {
                List<TimelineFigures.Signal> signals = signalsAt(viewer, seriesId, pupilId);
                if (!signals.isEmpty()) {
                    reader.read(viewer, pupilId, seriesId, "start, thuiszittersignalen")
                            .ifPresent(p -> due.add(new Due(p, p.table(), signals)));
                }
            }
        }
        return due;
    }

    private Optional<Seen> seen(Viewer viewer, String ref, @Nullable Long seriesId) {
        Optional<PupilView> first = reader.read(viewer, ref, seriesId, "tijdlijn thuiszitter");
        if (first.isEmpty()) {
            return Optional.empty();
        }
        PupilView pupil = first.get();
        long pupilId = pupil.pupilId();
        List<Long> tables = entries.thuiszitterTables(pupilId);
        if (pupil.seriesId() != null && tables.contains(pupil.seriesId())) {
            return Optional.of(new Seen(pupil.seriesId(), pupil, reader.contentViewer(viewer, pupilId, pupil.seriesId())));
        }
        if (pupil.disclosure() != Disclosure.IDENTIFIED || ref.equals(pupil.handle())) {
            return Optional.empty(); // a handle counts only at its own table
        }
        for (long table : tables) {
            if (seriesId != null && seriesId != table) {
                continue;
            }
            if (entries.sitsAt(table, viewer.userId())) {
                Optional<PupilView> there = reader.read(viewer, pupilId, table, "tijdlijn thuiszitter");
                if (there.isPresent() && there.get().seriesId() != null && there.get().seriesId() == table) {
                    return Optional.of(new Seen(table, there.get(), reader.contentViewer(viewer, pupilId, table)));
                }
            }
        }
        if (pupil.basis().kind() == Basis.Kind.ENROLMENT) {
            // The school of enrolment holds the case, at the table or not.
            return tables.stream().filter(t -> seriesId == null || seriesId == t).findFirst()
                    .map(t -> new Seen(t, pupil, reader.contentViewer(viewer, pupilId, t)));
        }
        return Optional.empty();
    }

    private Timeline timeline(Seen seen) {
        long pupilId = seen.pupil().pupilId();
        List<TimelineEntry> all = entries.findBySeriesIdAndPupilIdOrderByStartsOnAndId(seen.seriesId(), pupilId);
        List<Entry> readable = new ArrayList<>();
        Set<String> withheld = new LinkedHashSet<>();
        boolean byName = seen.pupil().disclosure() == Disclosure.IDENTIFIED;
        for (TimelineEntry e : all) {
            ContentDecision decision = content.decide(seen.viewer(), e.provenance());
            if (decision.readable()) {
                readable.add(new Entry(e.id(), e.kind(), e.absenceKind(), e.exemption(), e.startsOn(), e.endsOn(), e.hoursPerWeek(),
                        e.daysPerWeek(), e.description(), byName ? entries.partyName(e.providerPartyId()).orElse(null) : null));
            } else {
                withheld.add("Niet zichtbaar: " + decision.reason() + ".");
            }
        }
        String table = entries.tableName(seen.seriesId()).orElse("?");
        String why = null;
        if (!seen.pupil().fields().contains(PupilField.ABSENCE)) {
            why = "De duur en de signalen zijn verzuimgegevens, die u bij deze leerling niet mag zien.";
        } else if (!withheld.isEmpty()) {
            why = "De duur en de signalen volgen uit alle vastgelegde periodes; niet alle mag u lezen.";
        }
        TimelineFigures figures = why != null ? null
                : TimelineFigures.of(all, entries.registeredOn(seen.seriesId(), pupilId).orElse(null), terms, LocalDate.now(clock));
        return new Timeline(seen.pupil(), table, readable, List.copyOf(withheld), why == null, why, figures);
    }

    private void save(Viewer viewer, ContentViewer writer, long seriesId, long pupilId, TimelineInput.Checked c) {
        WriterBasis basis = WriterBasis.of(writer);
        entries.save(new TimelineEntry(null, seriesId, pupilId, c.kind(), c.absenceKind(), c.exemption(), c.startsOn(), c.endsOn(),
                c.hoursPerWeek(), c.daysPerWeek(), c.description(), viewer.partyId(), viewer.userId(), basis,
                basis == WriterBasis.PSEUDONYMOUS ? null : writer.basis().id(), terms.timelineCategory(), null));
    }
}
