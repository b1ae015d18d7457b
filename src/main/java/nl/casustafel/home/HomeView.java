package nl.casustafel.home;

import nl.casustafel.platform.DutchDates;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.PermitAll;
import nl.casustafel.account.Viewer;
import nl.casustafel.calendar.CalendarPanel;
import nl.casustafel.calendar.CalendarService;
import nl.casustafel.consent.WithdrawalNotices;
import nl.casustafel.meeting.ActionLine;
import nl.casustafel.meeting.MeetingQueries;
import nl.casustafel.meeting.MeetingViews;
import nl.casustafel.ui.CurrentUser;
import nl.casustafel.ui.MainLayout;

/**
 * Home: who is signed in, in which role, for which party, and what the features ask of them: the next
 * meeting, open actions, withdrawn consents, consents to reconfirm, the calendar. A feature of its own,
 * above those it shows.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Casustafel")
@Menu(title = "nav.home", order = 0, icon = "vaadin:home")
@PermitAll
@Prototype
public class HomeView extends VerticalLayout {


    public HomeView(WithdrawalNotices notices, MeetingQueries meetings, nl.casustafel.privacy.ReconfirmationsDue reconfirmations,
                    CalendarService calendar, nl.casustafel.plan.PlanReader plans,
                    nl.casustafel.thuiszitter.ThuiszitterTimeline thuiszitters,
                    nl.casustafel.scaledown.ScaleDownNotices scaleDowns, nl.casustafel.rights.CorrectionNotices corrections) {
        Viewer viewer = CurrentUser.require();
        H2 welcome = new H2(getTranslation("home.welcome", viewer.displayName()));
        welcome.setId("welcome");
        Paragraph role = new Paragraph(getTranslation("home.role", getTranslation("role." + viewer.role()), viewer.partyName()));
        role.setId("role");
        add(welcome, role, new Paragraph(getTranslation("home.intro." + viewer.role())));
        if (!viewer.role().isGovernance()) {
            add(nextMeeting(calendar, viewer));
            add(new nl.casustafel.thuiszitter.ThuiszitterSignalsPanel(thuiszitters, viewer),
                    new nl.casustafel.scaledown.ScaleDownNoticesPanel(scaleDowns, viewer),
                    new nl.casustafel.rights.CorrectionNoticesPanel(corrections, viewer));
            java.util.List<MeetingViews.Action> open = meetings.myOpenActions(viewer);
            if (!open.isEmpty()) {
                add(new com.vaadin.flow.component.html.H3(getTranslation("home.actions")));
                com.vaadin.flow.component.orderedlayout.VerticalLayout list = new com.vaadin.flow.component.orderedlayout.VerticalLayout();
                list.setPadding(false);
                list.setId("my-actions");
                open.forEach(a -> list.add(ActionLine.of(a)));
                add(list);
            }
            add(new nl.casustafel.plan.PlanDueList(plans, viewer));
            notices.forParty(viewer).forEach(n -> {
                Paragraph notice = new Paragraph(getTranslation("home.withdrawal", DutchDates.DATE.format(n.givenOn()), DutchDates.DATE.format(n.withdrawnOn()),
                        getTranslation("meetingType." + n.purpose())) + " " + (n.pupil() == null
                        ? getTranslation("home.withdrawal.noPupil", n.consentId())
                        : getTranslation("home.withdrawal.pupil", n.pupil())));
                notice.addClassName("withdrawal-notice");
                add(notice);
            });
            reconfirmations.recordedBy(viewer).forEach(due -> {
                Paragraph line = new Paragraph(getTranslation("home.reconfirm", DutchDates.DATE.format(due.givenOn()), due.partyName(),
                        getTranslation("meetingType." + due.purpose()), due.confirmBy(),
                        due.pupil() == null ? getTranslation("home.reconfirm.noPupil") : due.pupil()));
                line.addClassName("reconfirmation-due");
                add(line);
            });
            add(new CalendarPanel(calendar, viewer));
        }
    }

    /** The next meeting: when, which table, where, and a link to its screen. */
    private VerticalLayout nextMeeting(CalendarService calendar, Viewer viewer) {
        VerticalLayout section = new VerticalLayout(new H3(getTranslation("home.next")));
        section.setPadding(false);
        section.setSpacing(false);
        section.setId("next-meeting");
        calendar.next(viewer).ifPresentOrElse(next -> {
            Paragraph when = new Paragraph(getTranslation("home.next.when", DutchDates.LONG_DATE.format(next.startsAt()),
                    DutchDates.TIME.format(next.startsAt())));
            when.setId("next-meeting-when");
            Paragraph where = new Paragraph(next.location() == null ? next.tableName() : next.tableName() + " · " + next.location());
            where.setId("next-meeting-table");
            Anchor open = new Anchor("overleg/" + next.meetingId(), getTranslation("home.next.open"));
            open.setId("next-meeting-link");
            section.add(when, where, open);
        }, () -> section.add(new Paragraph(getTranslation("home.next.none"))));
        return section;
    }
}
