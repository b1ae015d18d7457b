package nl.casustafel.meeting;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.absence.AbsenceHistory;
import nl.casustafel.absence.AbsenceSignals;
import nl.casustafel.absence.Signal;
import nl.casustafel.account.UserAccount;
import nl.casustafel.account.Accounts;
import nl.casustafel.account.Viewer;
import nl.casustafel.consent.WithdrawalNotices;
import nl.casustafel.privacy.DisclosedFacts;
import nl.casustafel.privacy.Disclosure;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.pupil.Pupils;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The facts about the pupil of an agenda item that the meeting screen and the API show beside the notes,
 * each at the viewer's level as the privacy kernel decides ({@link PupilReader#facts}): the absence per
 * month and the active signals where the decision allows absence figures (by name and under the alias);
 * the DUO reports and consents only by name; the withdrawal notices the viewer's party got about the
 * pupil; the table's open actions about the pupil, their text only where {@link AgendaContent} allows it.
 * A viewer who does not take part, or does not see the pupil, gets nothing.
 */
@Singleton
public class ItemFacts {

    private final MeetingRepositories.Meetings meetings;
    private final MeetingRepositories.AgendaItems items;
    private final MeetingRepositories.Actions actions;
    private final MeetingTables tables;
    private final PupilReader reader;
    private final AbsenceHistory history;
    private final AbsenceSignals signals;
    private final WithdrawalNotices withdrawals;
    private final AgendaContent content;
    private final Accounts users;
    private final Pupils pupils;
    private final Clock clock;

    ItemFacts(MeetingRepositories.Meetings meetings, MeetingRepositories.AgendaItems items, MeetingRepositories.Actions actions,
              MeetingTables tables, PupilReader reader, AbsenceHistory history, AbsenceSignals signals, WithdrawalNotices withdrawals,
              AgendaContent content, Accounts users, Pupils pupils, Clock clock) {
        this.pupils = pupils;
        this.meetings = meetings;
        this.items = items;
        this.actions = actions;
        this.tables = tables;
        this.reader = reader;
        this.history = history;
        this.signals = signals;
        this.withdrawals = withdrawals;
        this.content = content;
        this.users = users;
        this.clock = clock;
    }

    /**
     * The facts panel of one agenda item. {@code absence} and {@code signals} are empty and {@code absenceShown}
     * false where the kernel withholds absence figures; {@code duoReports} and {@code consents} are empty for a
     * viewer who sees the pupil under its alias.
     */
    @Serdeable
    public record Facts(PupilView pupil,
                        boolean absenceShown,
                        List<AbsenceHistory.Month> absence,
                        List<Signal> signals,
                        List<DisclosedFacts.DuoReport> duoReports,
                        List<DisclosedFacts.Consent> consents,
                        List<WithdrawalNotices.PupilNotice> withdrawals,
                        List<MeetingViews.Action> openActions) {

        public boolean identified() {
            return pupil.disclosure() == Disclosure.IDENTIFIED;
        }
    }

    /** The facts of the item of the meeting, or empty when the item is not on it, the viewer does not take part or may not see the pupil. */
    @Transactional
    public Optional<Facts> of(Viewer viewer, long meetingId, long itemId) {
        Optional<AgendaItem> item = items.findById(itemId).filter(i -> i.meetingId() == meetingId);
        Optional<Meeting> meeting = meetings.findById(meetingId);
        if (item.isEmpty() || meeting.isEmpty() || !tables.sitsAt(meeting.get().seriesId(), viewer.userId())) {
            return Optional.empty();
        }
        return of(viewer, meeting.get(), item.get());
    }

    Optional<Facts> of(Viewer viewer, Meeting meeting, AgendaItem item) {
        long seriesId = meeting.seriesId();
        Optional<DisclosedFacts> disclosed = reader.facts(viewer, item.pupilId(), seriesId, "overleg " + meeting.id() + ", feiten");
        if (disclosed.isEmpty()) {
            return Optional.empty();
        }
        DisclosedFacts facts = disclosed.get();
        PupilView pupil = facts.pupil();
        List<AbsenceHistory.Month> months = facts.absence() ? history.byMonth(item.pupilId()) : List.of();
        List<Signal> active = facts.absence() ? activeSignals(item.pupilId()) : List.of();
        LocalDate today = LocalDate.now(clock);
        List<MeetingViews.Action> open = actions.findBySeriesIdAndDoneOnIsNullOrderByDueOn(seriesId).stream()
                .filter(a -> a.pupilId() != null && a.pupilId() == item.pupilId())
                .map(a -> MeetingViews.Action.of(a, pupil, users.findById(a.ownerId()).map(UserAccount::displayName).orElse("?"),
                        content.actionReadable(viewer, a), today))
                .toList();
        return Optional.of(new Facts(pupil, facts.absence(), months, active, facts.duoReports(), facts.consents(),
                withdrawals.aboutPupil(viewer, item.pupilId()), open));
    }

    /**
     * The facts panel from what the meeting screen already read: the pupil's facts as the kernel disclosed them to the
     * viewer and the table's open actions about the pupil; only the absence figures and notices are read here.
     */
    Facts of(Viewer viewer, AgendaItem item, DisclosedFacts facts, List<MeetingViews.Action> openActionsOfPupil) {
        List<AbsenceHistory.Month> months = facts.absence() ? history.byMonth(item.pupilId()) : List.of();
        List<Signal> active = facts.absence() ? activeSignals(item.pupilId()) : List.of();
        return new Facts(facts.pupil(), facts.absence(), months, active, facts.duoReports(), facts.consents(),
                withdrawals.aboutPupil(viewer, item.pupilId()), openActionsOfPupil);
    }

    private List<Signal> activeSignals(long pupilId) {
        return pupils.findById(pupilId).flatMap(p -> signals.forPupil(p.schoolId(), pupilId)).map(s -> s.signals()).orElse(List.of());
    }
}
