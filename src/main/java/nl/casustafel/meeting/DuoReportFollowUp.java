package nl.casustafel.meeting;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.covenant.Role;
import nl.casustafel.duo.DuoReportRecorded;
import nl.casustafel.account.Accounts;
import nl.casustafel.covenant.CovenantRules;
import nl.casustafel.covenant.MeetingType;
import nl.casustafel.platform.DutchDates;
import nl.casustafel.platform.InvalidInputException;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The verzuimoverleg's agreement "DUO-melding binnen 3 schooldagen": who may be given it (the school), by
 * when it is due (the covenant's school days, holidays not counted), and that recording the DUO report
 * fulfils it.
 */
@Singleton
public class DuoReportFollowUp {

    private final MeetingRepositories.Actions actions;
    private final Accounts users;
    private final CovenantRules covenant;
    private final SchoolDays schoolDays;
    private final ApplicationEventPublisher<MeetingEvents.MeetingChanged> changed;
    private final Clock clock;

    DuoReportFollowUp(MeetingRepositories.Actions actions, Accounts users, CovenantRules covenant, SchoolDays schoolDays,
                      ApplicationEventPublisher<MeetingEvents.MeetingChanged> changed, Clock clock) {
        this.actions = actions;
        this.users = users;
        this.covenant = covenant;
        this.schoolDays = schoolDays;
        this.changed = changed;
        this.clock = clock;
    }

    /** The latest due date of a DUO report agreed today: the covenant's school days on, holidays not counted. */
    public LocalDate dueOn() {
        return schoolDays.plus(LocalDate.now(clock), schoolDays());
    }

    /** Within how many school days the school reports to DUO after the verzuimoverleg agreed it (covenant file). */
    public int schoolDays() {
        return covenant.meeting(MeetingType.VERZUIMOVERLEG).duoReportWithinSchoolDays();
    }

    /** Checks a DUO-report agreement at a table and gives its due date (the latest allowed when none is given). */
    LocalDate dueDate(MeetingSeries table, long ownerId, @Nullable LocalDate requested) {
        if (table.type() != MeetingType.VERZUIMOVERLEG) {
            throw new InvalidInputException("kind", "De afspraak 'DUO-melding binnen " + schoolDays() + " schooldagen' hoort bij het verzuimoverleg.");
        }
        boolean schoolOwner = users.findById(ownerId).map(u -> u.role() == Role.CARE_COORDINATOR).orElse(false);
        if (!schoolOwner) {
            throw new InvalidInputException("ownerId", "De DUO-melding doet de school: kies de zorgcoördinator.");
        }
        LocalDate latest = dueOn();
        if (requested != null && requested.isAfter(latest)) {
            throw new InvalidInputException("dueOn", "De DUO-melding volgt binnen " + schoolDays() + " schooldagen: uiterlijk "
                    + DutchDates.DATE.format(latest) + ".");
        }
        return requested == null ? latest : requested;
    }

    /** A recorded DUO report fulfils the "DUO report within 3 school days" agreements for that pupil. */
    @EventListener
    @Transactional
    void duoReportRecorded(DuoReportRecorded event) {
        for (MeetingAction action : actions.findByPupilIdAndKindAndDoneOnIsNull(event.pupilId(), MeetingAction.Kind.DUO_REPORT)) {
            actions.update(action.doneOn(event.reportedOn()));
            changed.publishEvent(new MeetingEvents.MeetingChanged(action.meetingId()));
        }
    }
}
