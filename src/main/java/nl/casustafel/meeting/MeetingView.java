package nl.casustafel.meeting;

import nl.casustafel.platform.DutchDates;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import nl.casustafel.covenant.Role;
import nl.casustafel.account.UserAccount;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.CovenantRules;
import nl.casustafel.duo.DuoReportDialog;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.platform.NotFoundException;
import nl.casustafel.ui.PupilBadge;
import nl.casustafel.ui.CurrentUser;
import nl.casustafel.ui.Forms;
import nl.casustafel.ui.MainLayout;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A meeting, prepared and held live. When the chair opens it, every participant's screen follows
 * the chair through the agenda (server push), each showing the pupil at its own user's level.
 */
@Route(value = "overleg", layout = MainLayout.class)
@PageTitle("Overleg | Casustafel")
@RolesAllowed({"CARE_COORDINATOR", "YOUTH_NURSE", "YOUTH_DOCTOR", "ATTENDANCE_OFFICER", "PARTNERSHIP_COORDINATOR",
        "SUPPORT_EXPERT", "SOCIAL_WORKER", "YOUTH_CARE_PROVIDER"})
@Prototype
public class MeetingView extends VerticalLayout implements HasUrlParameter<Long> {


    private final MeetingSession session;
    private final ItemPanel.Factory panels;
    private final LiveMeetings live;
    private final CovenantRules covenant;
    private final DuoReportDialog.Factory duoDialogs;
    private final AgendaRegistrationDialog.Factory registrations;
    private final MeetingQueries queries;
    private final MinutesService minutesService;
    private final Viewer viewer = CurrentUser.require();
    private final Set<Long> shownPupils = ConcurrentHashMap.newKeySet();
    private volatile long meetingId;
    private volatile Long selectedItemId;
    private ItemPanel panel;
    private volatile Runnable unfollow;
    private final AttendanceService attendance;
    private final List<ItemExtension> extensions;
    private final MeetingTables tables;
    private AttendancePanel attendancePanel;

    public MeetingView(MeetingSession session, ItemPanel.Factory panels, LiveMeetings live, CovenantRules covenant,
                       DuoReportDialog.Factory duoDialogs, AgendaRegistrationDialog.Factory registrations, MeetingQueries queries,
                       MinutesService minutesService, AttendanceService attendance, List<ItemExtension> extensions, MeetingTables tables) {
        this.attendance = attendance;
        this.extensions = extensions;
        this.tables = tables;
        this.minutesService = minutesService;
        this.queries = queries;
        this.session = session;
        this.panels = panels;
        this.live = live;
        this.covenant = covenant;
        this.duoDialogs = duoDialogs;
        this.registrations = registrations;
        setSizeFull();
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        this.meetingId = id;
        this.attendancePanel = new AttendancePanel(attendance, viewer, id);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        // A page that was closed or stopped sending heartbeats is left out of the shared read (and its access log).
        unfollow = live.follow(new LiveMeetings.Follower(meetingId, () -> shownPupils, viewer, () -> !ClosedPages.gone(ui),
                round -> follow(ui, round)));
    }

    /**
     * Runs on a {@link LiveMeetings} thread: takes this user's screen from the change's shared read (decided by the
     * privacy kernel for this user) or reads it on its own, without holding the session lock, then takes the lock only
     * to show it.
     */
    private void follow(UI ui, LiveMeetings.Round round) {
        if (ClosedPages.gone(ui)) {
            leave();
            return;
        }
        Loaded loaded = round.screenOf(viewer).filter(this::sameAsOwnRead)
                .map(screen -> new Loaded(screen, null, round.readOncePerViewer(viewer, screen.current() == null ? "none"
                        : screen.current().item().id(), () -> extras(screen))))
                .orElseGet(this::load);
        try {
            ui.access(() -> show(loaded));
        } catch (UIDetachedException e) {
            leave();
        }
    }

    private void leave() {
        Runnable leave = unfollow;
        if (leave != null) {
            leave.run();
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        leave();
    }

    private void refresh() {
        show(load());
    }

    /** The screen as this user may see it, or why there is none. */
    private record Loaded(MeetingScreen screen, String problem, List<java.util.function.Supplier<com.vaadin.flow.component.Component>> extras) {
    }

    /**
     * The shared read is made without a selected item: it shows what this screen would read itself when the meeting
     * is live at an item (the chair's item counts), or when nothing was selected here.
     */
    private boolean sameAsOwnRead(MeetingScreen shared) {
        Meeting meeting = shared.meeting();
        return selectedItemId == null || meeting.status() == Meeting.Status.OPEN && meeting.currentItemId() != null;
    }

    private Loaded load() {
        try {
            MeetingScreen screen = queries.screen(viewer, meetingId, selectedItemId);
            return new Loaded(screen, null, extras(screen));
        } catch (InvalidInputException | NotFoundException e) {
            return new Loaded(null, e.getMessage(), List.of());
        }
    }

    /** What other features add to the current item (the plan van aanpak), read as this user. */
    private List<java.util.function.Supplier<com.vaadin.flow.component.Component>> extras(MeetingScreen screen) {
        if (screen.current() == null || screen.current().pupil() == null || extensions.isEmpty()) {
            return List.of();
        }
        ItemExtension.ItemAt at = new ItemExtension.ItemAt(meetingId, screen.table().id(), screen.current().item().pupilId(),
                tables.previousMeetingStart(screen.meeting()).orElse(null));
        return extensions.stream().flatMap(e -> e.read(viewer, at).stream()).toList();
    }

    private void show(Loaded loaded) {
        if (loaded.screen() == null) {
            removeAll();
            panel = null;
            add(new H2(getTranslation("meeting.notFound")), new Paragraph(loaded.problem()));
            return;
        }
        MeetingScreen screen = loaded.screen();
        Meeting meeting = screen.meeting();
        MeetingSeries table = screen.table();
        List<MeetingService.AgendaEntry> agenda = screen.agenda();
        shownPupils.clear();
        agenda.forEach(a -> shownPupils.add(a.item().pupilId()));
        boolean chair = Objects.equals(table.chairId(), viewer.userId());
        boolean liveNow = meeting.status() == Meeting.Status.OPEN;
        MeetingService.AgendaEntry currentEntry = screen.current();
        Long current = currentEntry == null ? null : currentEntry.item().id();

        // Keep the panel (and what its user is typing) when the meeting stays at the same item.
        ItemPanel keep = panel != null && currentEntry != null && panel.itemId() == currentEntry.item().id() ? panel : null;
        removeAll();
        add(header(meeting, table, chair));
        HorizontalLayout body = new HorizontalLayout(agendaList(agenda, current, chair, liveNow, meeting, table),
                itemColumn(keep, screen, table, loaded.extras()));
        body.setWidthFull();
        body.addClassName("meeting-body");
        body.setFlexGrow(1, body.getComponentAt(1));
        attendancePanel.reload(meeting.status());
        add(body, attendancePanel, carriedOver(screen.openActions()));
    }

    private VerticalLayout header(Meeting meeting, MeetingSeries table, boolean chair) {
        H2 title = new H2(table.name());
        Span when = new Span(DutchDates.LONG_DATE_TIME.format(meeting.startsAt()) + (meeting.location() == null ? "" : " · " + meeting.location()));
        Span status = new Span(getTranslation("meeting.status." + meeting.status()));
        status.getElement().getThemeList().add("badge " + (meeting.status() == Meeting.Status.OPEN ? "success" : "contrast"));
        status.setId("meeting-status");
        HorizontalLayout actions = new HorizontalLayout(when, status);
        actions.setAlignItems(Alignment.CENTER);
        if (chair && (meeting.status() == Meeting.Status.PLANNED || meeting.status() == Meeting.Status.OPEN)) {
            if (meeting.status() == Meeting.Status.PLANNED) {
                Button open = new Button(getTranslation("meeting.open"), e -> Forms.submit(Map.of(), () -> session.open(viewer, meetingId)));
                open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                open.setId("meeting-open");
                actions.add(open);
            } else {
                Button close = new Button(getTranslation("meeting.close"), e -> Forms.submit(Map.of(), () -> session.close(viewer, meetingId)));
                close.setId("meeting-close");
                actions.add(close);
            }
        }
        if (meeting.status() != Meeting.Status.PLANNED && meeting.status() != Meeting.Status.CANCELLED) {
            MinutesDownload minutes = new MinutesDownload(minutesService, viewer, meetingId);
            minutes.setId("minutes-download");
            actions.add(minutes);
        }
        if (meeting.status() != Meeting.Status.CLOSED && meeting.status() != Meeting.Status.CANCELLED
                && AgendaRegistration.mayRegister(viewer, table.type())) {
            Button register = new Button(getTranslation("meeting.register"), e -> registrations.open(viewer, meetingId, table, this::refresh));
            register.setId("meeting-register");
            actions.add(register);
        }
        VerticalLayout header = new VerticalLayout(title, actions,
                new Paragraph(getTranslation("meeting.policy." + covenant.meeting(table.type()).minutesPolicy())));
        if (openedEarly(meeting)) {
            Paragraph early = new Paragraph(getTranslation("meeting.openedEarly", DutchDates.LONG_DATE_TIME.format(meeting.openedAt()),
                    DutchDates.LONG_DATE_TIME.format(meeting.startsAt())));
            early.setId("meeting-opened-early");
            header.add(early);
        }
        header.setPadding(false);
        return header;
    }

    private VerticalLayout agendaList(List<MeetingService.AgendaEntry> agenda, Long current, boolean chair, boolean liveNow,
                                      Meeting meeting, MeetingSeries table) {
        VerticalLayout list = new VerticalLayout(new H3(getTranslation("meeting.agenda")));
        list.setWidth("24rem");
        list.addClassName("meeting-agenda");
        list.getStyle().set("flex-shrink", "0");
        list.setPadding(false);
        list.setId("agenda");
        if (agenda.isEmpty()) {
            list.add(new Paragraph(getTranslation("meeting.agenda.empty")));
        }
        boolean follows = liveNow && !chair;
        if (follows && !agenda.isEmpty()) {
            Paragraph why = new Paragraph(getTranslation("meeting.show.disabled"));
            why.setId("agenda-follows");
            list.add(why);
        }
        for (MeetingService.AgendaEntry entry : agenda) {
            HorizontalLayout row = new HorizontalLayout();
            row.setAlignItems(Alignment.CENTER);
            row.setWidthFull();
            row.setWrap(true); // long reasons wrap inside the agenda column instead of running under the notes
            row.addClassName("agenda-row");
            if (entry.item().id().equals(current)) {
                row.addClassName("current");
                row.getElement().setAttribute("aria-current", "true");
            }
            row.add(new Span(entry.item().position() + "."));
            row.add(entry.pupil() == null ? new Span(getTranslation("pupil.unnamed")) : new PupilBadge(entry.pupil()));
            if (entry.item().reason() != null) {
                covenant.reason(entry.item().reason()).ifPresent(r -> row.add(new Span("· " + r.label())));
            }
            Button go = new Button(liveNow && chair ? getTranslation("meeting.goTo") : getTranslation("meeting.show"), e -> {
                if (liveNow && chair) {
                    Forms.submit(Map.of(), () -> session.moveTo(viewer, meetingId, entry.item().id()));
                } else {
                    selectedItemId = entry.item().id();
                    refresh();
                }
            });
            go.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            go.addClassName("agenda-go");
            // every row's button reads the same; its aria-label says which point it is about
            go.setAriaLabel(getTranslation(liveNow && chair ? "meeting.goTo.aria" : "meeting.show.aria", entry.item().position()));
            go.setEnabled(!follows);
            if (follows) {
                go.getElement().setAttribute("title", getTranslation("meeting.show.disabled"));
            }
            row.add(go);
            list.add(row);
        }
        return list;
    }

    private VerticalLayout itemColumn(ItemPanel keep, MeetingScreen screen, MeetingSeries table,
                                      List<java.util.function.Supplier<com.vaadin.flow.component.Component>> extras) {
        MeetingService.AgendaEntry currentEntry = screen.current();
        VerticalLayout column = new VerticalLayout();
        column.setPadding(false);
        if (currentEntry == null) {
            panel = null;
            return column;
        }
        if (keep != null) {
            keep.update(screen, false);
            panel = keep;
        } else {
            panel = panels.create(viewer, table, screen);
        }
        column.add(panel);
        extras.forEach(extra -> column.add(extra.get()));
        if (screen.facts() != null) {
            column.add(new FactsPanel(screen.facts()));
        }
        boolean ownPupil = viewer.role() == Role.CARE_COORDINATOR && currentEntry.pupil() != null
                && currentEntry.pupil().schoolId() != null && viewer.worksAt(currentEntry.pupil().schoolId());
        if (ownPupil) {
            Button duo = new Button(getTranslation("duo.record"), e -> duoDialogs.open(viewer, currentEntry.item().pupilId(), () -> { }));
            duo.setId("meeting-record-duo");
            column.add(duo);
        }
        return column;
    }

    private VerticalLayout carriedOver(List<MeetingViews.Action> open) {
        VerticalLayout section = new VerticalLayout(new H3(getTranslation("meeting.openActions")));
        section.setPadding(false);
        section.setId("open-actions");
        if (open.isEmpty()) {
            section.add(new Paragraph(getTranslation("meeting.openActions.none")));
        }
        open.forEach(a -> section.add(ActionLine.of(a)));
        return section;
    }

    /** Opened on an earlier day than planned: participants should know the meeting did not start at its date. */
    private static boolean openedEarly(Meeting meeting) {
        return meeting.openedAt() != null && java.time.LocalDate.ofInstant(meeting.openedAt(), nl.casustafel.platform.ClockFactory.AMSTERDAM)
                .isBefore(java.time.LocalDate.ofInstant(meeting.startsAt(), nl.casustafel.platform.ClockFactory.AMSTERDAM));
    }
}
