package nl.casustafel.demo;

import jakarta.inject.Singleton;
import nl.casustafel.privacy.PupilIdentities;
import nl.casustafel.account.AccountService;
import nl.casustafel.account.UserAccountRepository;
import nl.casustafel.account.Viewer;
import nl.casustafel.consent.ConsentMethod;
import nl.casustafel.consent.ConsentService;
import nl.casustafel.consent.ParentNotificationService;
import nl.casustafel.covenant.DuoReportKind;
import nl.casustafel.covenant.MeetingType;
import nl.casustafel.covenant.PartyRepository;
import nl.casustafel.duo.DuoReportService;
import nl.casustafel.meeting.Meeting;
import nl.casustafel.meeting.MeetingSeries;
import nl.casustafel.meeting.AgendaRegistration;
import nl.casustafel.meeting.MeetingPlanning;
import nl.casustafel.absence.AbsenceFigureService;
import nl.casustafel.platform.ClockFactory;
import java.time.Clock;
import java.time.LocalDate;
import nl.casustafel.meeting.MeetingSeriesRepository;
import nl.casustafel.platform.YamlNode;
import nl.casustafel.school.SchoolRepository;

/**
 * The demo region's tables, DUO reports, consents and notifications. Facts go through the same
 * services as a user's would, so the demo obeys the same rules (a consent for a 13-year-old needs
 * parent and pupil).
 */
@Singleton
class DemoFacts {

    private final MeetingSeriesRepository series;
    private final SchoolRepository schools;
    private final PartyRepository parties;
    private final UserAccountRepository users;
    private final PupilIdentities identities;
    private final AccountService accounts;
    private final DuoReportService duoReports;
    private final ConsentService consents;
    private final ParentNotificationService notifications;
    private final MeetingPlanning planning;
    private final AgendaRegistration registration;
    private final AbsenceFigureService absence;
    private final Clock clock;

    DemoFacts(MeetingSeriesRepository series, SchoolRepository schools, PartyRepository parties, UserAccountRepository users,
              PupilIdentities identities, AccountService accounts, DuoReportService duoReports,
              ConsentService consents, ParentNotificationService notifications, MeetingPlanning planning, AgendaRegistration registration,
              AbsenceFigureService absence, Clock clock) {
        this.planning = planning;
        this.registration = registration;
        this.absence = absence;
        this.clock = clock;
        this.series = series;
        this.schools = schools;
        this.parties = parties;
        this.users = users;
        this.identities = identities;
        this.accounts = accounts;
        this.duoReports = duoReports;
        this.consents = consents;
        this.notifications = notifications;
    }

    void load(YamlNode region) {
        region.list("absenceFigures").forEach(f -> absence.record(viewer(f.text("recordedBy")), pupil(f),
                Double.parseDouble(f.text("unauthorisedHours4Weeks")), f.integer("sickReports12Weeks"), f.integer("lateArrivals")));
        region.list("tables").forEach(this::table);
        region.list("duoReports").forEach(r -> duoReports.record(viewer(r.text("recordedBy")), pupil(r),
                new DuoReportService.NewReport(r.enumeration("kind", DuoReportKind.class), r.date("reportedOn"), r.text("duoReference"))));
        region.list("consents").forEach(c -> consents.record(viewer(c.text("recordedBy")), pupil(c),
                new ConsentService.NewConsent(partyId(c.text("party")), c.enumeration("purpose", MeetingType.class),
                        c.optionalText("hulpvraag").orElse(null), c.texts("categories"), c.bool("givenByPupil"),
                        c.bool("givenByParent"), c.optionalText("parentName").orElse(null),
                        c.enumeration("method", ConsentMethod.class), c.date("givenOn"), null)));
        region.list("notifications").forEach(n -> notifications.record(viewer(n.text("recordedBy")), pupil(n),
                new ParentNotificationService.NewNotification(n.enumeration("purpose", MeetingType.class), n.date("notifiedOn"),
                        n.texts("parties").stream().map(this::partyId).toList(), null)));
    }

    private void table(YamlNode t) {
        MeetingType type = t.enumeration("type", MeetingType.class);
        Long school = t.has("school") ? schools.findByBrin(t.text("school")).orElseThrow(() -> t.error("names an unknown school")).id() : null;
        Long partnership = t.has("partnership") ? partyId(t.text("partnership")) : null;
        long chair = users.findByUsername(t.texts("participants").getFirst()).orElseThrow().id();
        MeetingSeries saved = series.save(new MeetingSeries(null, type, t.text("name"), school, partnership, chair,
                t.integer("everyWeeks"), t.text("location")));
        t.texts("participants").forEach(username -> series.addParticipant(saved.id(),
                users.findByUsername(username).orElseThrow(() -> t.error("names an unknown participant " + username)).id()));
        Meeting next = planning.plan(viewer(t.texts("participants").getFirst()), saved.id(),
                LocalDate.now(clock).plusDays(7).atTime(14, 0).atZone(ClockFactory.AMSTERDAM).toInstant(), null);
        t.list("cases").forEach(c -> registration.register(viewer(c.optionalText("registeredBy").orElse(t.texts("participants").getFirst())),
                next.id(), new AgendaRegistration.Registration(pupil(c), c.optionalText("hulpvraag").orElse(null),
                        c.optionalText("reason").orElse(null), c.has("reason") ? true : null, c.has("reason") ? true : null,
                        c.has("reason") ? true : null, c.optionalText("parentsInformedBy").orElse(null))));
    }

    private Viewer viewer(String username) {
        return accounts.viewer(username).orElseThrow(() -> new IllegalStateException("Unknown demo user " + username));
    }

    private long pupil(YamlNode node) {
        return identities.pupilWithBsn(node.text("pupil")).orElseThrow(() -> node.node("pupil").error("names no demo pupil"));
    }

    private long partyId(String name) {
        return parties.findByName(name).orElseThrow(() -> new IllegalStateException("Unknown demo party " + name)).id();
    }
}
