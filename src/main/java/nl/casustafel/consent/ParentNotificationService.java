package nl.casustafel.consent;

import nl.casustafel.privacy.PupilFactsChanged;
import jakarta.validation.constraints.NotNull;
import nl.casustafel.platform.InputRules;
import jakarta.validation.constraints.Size;
import nl.casustafel.platform.PlausibleDate;
import nl.casustafel.platform.PlainText;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.MeetingType;
import nl.casustafel.covenant.Parties;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.privacy.PupilReader;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Records that the registering party told the parents which parties will discuss their child
 * (thuiszitterstafel). Where the covenant table says "notify", this record is the basis.
 */
@Singleton
public class ParentNotificationService {

    private final ParentNotifications notifications;
    private final Parties parties;
    private final PupilReader reader;
    private final Clock clock;
    private final ApplicationEventPublisher<PupilFactsChanged> events;

    public ParentNotificationService(ParentNotifications notifications, Parties parties, PupilReader reader, Clock clock,
                                     ApplicationEventPublisher<PupilFactsChanged> events) {
        this.events = events;
        this.notifications = notifications;
        this.parties = parties;
        this.reader = reader;
        this.clock = clock;
    }

    /** What is filled in: when the parents were told, for which meeting, and which parties were named. */
    @Serdeable
    public record NewNotification(@Nullable MeetingType purpose, @Nullable @PlausibleDate LocalDate notifiedOn,
                                  @Nullable @Size(max = 100) List<@NotNull Long> partyIds, @Nullable @PlainText(max = 500) String note) {
    }

    @Serdeable
    public record Recorded(long id, long pupilId, MeetingType purpose, LocalDate notifiedOn, Set<Long> partyIds) {
    }

    @Transactional
    public Recorded record(Viewer viewer, long pupilId, NewNotification input) {
        boolean identified = reader.decision(viewer, pupilId).filter(d -> !viewer.role().isGovernance())
                .map(d -> d.identified()).orElse(false);
        if (!identified) {
            throw new InvalidInputException("pupilId", "Alleen een partij die de leerling herkenbaar ziet, informeert de ouders.");
        }
        if (input.purpose() == null) {
            throw new InvalidInputException("purpose", "Kies het overleg waarover de ouders zijn geïnformeerd.");
        }
        if (input.notifiedOn() == null || input.notifiedOn().isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("notifiedOn", "Vul de datum in waarop de ouders zijn geïnformeerd (niet in de toekomst).");
        }
        Set<Long> named = new LinkedHashSet<>(input.partyIds() == null ? List.of() : input.partyIds());
        if (named.isEmpty() || !named.stream().allMatch(parties::existsById)) {
            throw new InvalidInputException("partyIds", "Kies de partijen die de ouders als deelnemers zijn genoemd.");
        }
        InputRules.requireDate("notifiedOn", input.notifiedOn(), LocalDate.now(clock), 0);
        String note = input.note() == null ? null : InputRules.requireText("note", input.note().strip(), 500);
        if (note != null && note.length() > 500) {
            throw new InvalidInputException("note", "De toelichting is te lang (hooguit 500 tekens).");
        }
        long id = notifications.add(pupilId, viewer.partyId(), input.purpose().name(), input.notifiedOn(), note, viewer.userId());
        for (Long party : named) {
            notifications.addParty(id, party);
        }
        events.publishEvent(new PupilFactsChanged(pupilId));
        return new Recorded(id, pupilId, input.purpose(), input.notifiedOn(), named);
    }
}
