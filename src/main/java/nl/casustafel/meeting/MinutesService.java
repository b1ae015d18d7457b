package nl.casustafel.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.UserAccount;
import nl.casustafel.account.Accounts;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.CovenantRules;
import nl.casustafel.platform.ClockFactory;
import nl.casustafel.privacy.Disclosure;
import nl.casustafel.privacy.PupilView;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Minutes of a meeting, made in the platform for one participant at a time and at that participant's
 * own disclosure level (PRODUCT rule 1 and 10: through the privacy kernel, never by e-mail). What goes
 * in follows the meeting type's {@link MinutesPolicy} from the covenant file:
 * <ul>
 * <li>{@code NONE_PERSONAL} (verzuimoverleg): aliases, the number of pupils discussed and of agreed DUO
 *     reports, and the agreed actions; no names, birth dates or notes, whoever asks;</li>
 * <li>{@code SHORT_WITH_NAME} (SOT): per pupil the name when the viewer sees it identified, else the
 *     alias; the hulpvraag, the notes the viewer may read, the outcome when identified, the actions;</li>
 * <li>{@code BRIEF_NAME_BIRTHDATE} (thuiszitterstafel): name and birth date when identified, else the
 *     alias; the reason, the case and progress description (outcome) when identified, the procesbewaker,
 *     the actions.</li>
 * </ul>
 * Only participants get minutes: {@link MeetingService#agenda} refuses anyone else.
 */
@Singleton
public class MinutesService {

    private final MeetingService meetings;
    private final CovenantRules covenant;
    private final Accounts users;
    private final MeetingTables tables;
    private final MinutesPdf pdf;
    private final AttendanceService attendance;
    private final Clock clock;

    MinutesService(MeetingService meetings, CovenantRules covenant, Accounts users, MeetingTables tables,
                   MinutesPdf pdf, AttendanceService attendance, Clock clock) {
        this.attendance = attendance;
        this.meetings = meetings;
        this.covenant = covenant;
        this.users = users;
        this.tables = tables;
        this.pdf = pdf;
        this.clock = clock;
    }

    /** A rendered PDF and the name to download it under. */
    public record MinutesFile(String fileName, byte[] content) {
    }

    /** The minutes as a PDF for the viewer; throws {@code NotFoundException} (404, as for a meeting that does not exist) for a non-participant. */
    @Transactional
    public MinutesFile pdf(Viewer viewer, long meetingId) {
        Minutes minutes = minutes(viewer, meetingId);
        return new MinutesFile(minutes.fileName(), pdf.render(minutes));
    }

    /** Shown instead of an action's free text to whom the privacy kernel does not let read it. */
    static final String HIDDEN_TEXT = "Afspraak (tekst alleen voor wie de leerling herkenbaar ziet)";
    static final String DUO_REPORT_AGREEMENT = "School doet DUO-melding en bevestigt dit aan leerplicht"; // the due date stands beside it

    /** The minutes as the viewer may read them; throws {@code NotFoundException} (404, as for a meeting that does not exist) for a non-participant. */
    @Transactional
    public Minutes minutes(Viewer viewer, long meetingId) {
        // First: this checks that the viewer takes part, and reads every pupil through the privacy kernel.
        List<MeetingService.AgendaEntry> agenda = meetings.agenda(viewer, meetingId);
        Meeting meeting = meetings.meeting(meetingId);
        MeetingSeries table = meetings.seriesOf(meeting);
        CovenantRules.MeetingTypeRule rule = covenant.meeting(table.type());
        MinutesPolicy policy = MinutesPolicy.of(rule.minutesPolicy());
        Names names = new Names();

        List<Minutes.Item> items = new ArrayList<>();
        Map<Long, String> labelByItem = new HashMap<>();
        Map<Long, String> labelByPupil = new HashMap<>();
        for (MeetingService.AgendaEntry entry : agenda) {
            AgendaItem item = entry.item();
            PupilView pupil = entry.pupil();
            if (pupil == null) {
                items.add(new Minutes.Item(item.position(), "Agendapunt " + item.position() + " (niet zichtbaar voor u)", false,
                        null, null, null, null, null, List.of()));
                continue;
            }
            Minutes.Item shown = item(viewer, policy, item, pupil, names);
            items.add(shown);
            labelByItem.put(item.id(), shown.pupil());
            labelByPupil.put(item.pupilId(), shown.pupil());
        }

        List<MeetingAction> agreed = meetings.actionsOfMeeting(meetingId);
        List<Minutes.Action> actions = new ArrayList<>();
        for (MeetingAction action : agreed) {
            String pupil = action.itemId() != null && labelByItem.containsKey(action.itemId()) ? labelByItem.get(action.itemId())
                    : action.pupilId() == null ? null : labelByPupil.get(action.pupilId());
            if (action.pupilId() != null && pupil == null) {
                continue; // an action about a pupil this viewer may not see at all
            }
            String what = meetings.readable(viewer, action)
                    ? action.what()
                    : action.kind() == MeetingAction.Kind.DUO_REPORT ? DUO_REPORT_AGREEMENT : HIDDEN_TEXT;
            actions.add(new Minutes.Action(pupil, what, names.user(action.ownerId()), action.dueOn(), action.doneOn(),
                    action.kind() == MeetingAction.Kind.DUO_REPORT));
        }
        int duoReports = (int) agreed.stream().filter(a -> a.kind() == MeetingAction.Kind.DUO_REPORT).count();

        // Who attended as the chair recorded it, not every member of the table.
        List<Minutes.Participant> participants = attendance.forMinutes(meetingId).stream()
                .map(a -> new Minutes.Participant(a.name(), a.party(), a.chair(), a.presence()))
                .toList();

        return new Minutes(meeting.id(), table.type(), policy, rule.label(), table.name(),
                LocalDateTime.ofInstant(meeting.startsAt(), ClockFactory.AMSTERDAM), meeting.location(), meeting.status(),
                policy == MinutesPolicy.NONE_PERSONAL ? null : rule.caseRole(), participants, attendance.recorded(meetingId), agenda.size(), duoReports,
                items, actions, viewer.displayName() + " (" + viewer.partyName() + ")",
                LocalDateTime.now(clock.withZone(ClockFactory.AMSTERDAM)));
    }

    private Minutes.Item item(Viewer viewer, MinutesPolicy policy, AgendaItem item, PupilView pupil, Names names) {
        String alias = pupil.alias() != null ? pupil.alias() : "Agendapunt " + item.position();
        boolean identified = policy != MinutesPolicy.NONE_PERSONAL && pupil.disclosure() == Disclosure.IDENTIFIED
                && pupil.name() != null;
        String label = identified ? pupil.name() : alias;
        String caseManager = item.caseManagerId() == null ? null : names.user(item.caseManagerId());
        if (policy == MinutesPolicy.NONE_PERSONAL) {
            return new Minutes.Item(item.position(), alias, false, null, null, null, null, null, List.of());
        }
        // Outcome and notes: what the privacy kernel lets this viewer read (ContentPolicy, via AgendaContent).
        AgendaContent.ItemContent content = meetings.content(viewer, item.id());
        String outcome = content.outcome();
        return switch (policy) {
            case NONE_PERSONAL -> throw new IllegalStateException();
            case SHORT_WITH_NAME -> new Minutes.Item(item.position(), label, identified, null, item.hulpvraag(), null,
                    outcome, caseManager, content.notes().stream()
                            .map(n -> new Minutes.Note(n.author(), n.party(), n.note().text())).toList());
            case BRIEF_NAME_BIRTHDATE -> new Minutes.Item(item.position(), label, identified,
                    identified ? pupil.birthDate() : null, null, reasonLabel(item.reason()), outcome, caseManager, List.of());
        };
    }

    @Nullable
    private String reasonLabel(@Nullable String code) {
        return covenant.reason(code).map(CovenantRules.ThuiszitterReason::label).orElse(null);
    }

    /** Names of users and parties, each looked up once per minutes. */
    private final class Names {
        private final Map<Long, String> userNames = new HashMap<>();
        private final Map<Long, String> partyNames = new HashMap<>();

        String user(long userId) {
            return userNames.computeIfAbsent(userId, id -> users.findById(id).map(UserAccount::displayName).orElse("?"));
        }

        String party(long partyId) {
            return partyNames.computeIfAbsent(partyId, tables::partyName);
        }
    }
}
