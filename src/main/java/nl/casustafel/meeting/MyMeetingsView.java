package nl.casustafel.meeting;

import nl.casustafel.platform.DutchDates;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.ClockFactory;
import nl.casustafel.ui.RowKeyboard;
import nl.casustafel.ui.NarrowScreens;
import nl.casustafel.ui.CurrentUser;
import nl.casustafel.ui.Forms;
import nl.casustafel.ui.MainLayout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Mijn overleggen: the meetings of the tables the user sits at; the chair plans, moves and cancels them. */
@Menu(title = "nav.meetings", order = 2, icon = "vaadin:calendar-user")
@Route(value = "overleggen", layout = MainLayout.class)
@PageTitle("Mijn overleggen | Casustafel")
@RolesAllowed({"CARE_COORDINATOR", "YOUTH_NURSE", "YOUTH_DOCTOR", "ATTENDANCE_OFFICER", "PARTNERSHIP_COORDINATOR",
        "SUPPORT_EXPERT", "SOCIAL_WORKER", "YOUTH_CARE_PROVIDER"})
@Prototype
public class MyMeetingsView extends VerticalLayout {


    private final MeetingService meetings;
    private final MeetingPlanning plans;
    private final Viewer viewer = CurrentUser.require();
    private final Grid<Meeting> grid = new Grid<>();
    private final Map<Long, MeetingSeries> tables = new LinkedHashMap<>();

    public MyMeetingsView(MeetingService meetings, MeetingPlanning plans, MeetingSeriesRepository series, SeriesDialog.Factory seriesDialogs) {
        this.meetings = meetings;
        this.plans = plans;
        setSizeFull();
        series.findByParticipant(viewer.userId()).forEach(s -> tables.put(s.id(), s));
        HorizontalLayout planning = new HorizontalLayout();
        planning.setWrap(true);
        if (seriesDialogs.mayChairAny(viewer)) {
            Button newSeries = new Button(getTranslation("series.new"), e -> seriesDialogs.open(viewer,
                    () -> getUI().ifPresent(ui -> ui.getPage().reload())));
            newSeries.setId("series-new");
            planning.add(newSeries);
        }
        tables.values().stream().filter(s -> Objects.equals(s.chairId(), viewer.userId())).forEach(s -> {
            Button next = new Button(getTranslation("meetings.planNext", s.name()), e -> {
                if (Forms.submit(Map.of(), () -> plans.planNext(viewer, s.id()))) {
                    Forms.saved(getTranslation("meetings.planned"));
                    refresh();
                }
            });
            next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            planning.add(next);
        });
        grid.addColumn(m -> DutchDates.WEEKDAY_DATE_TIME.format(m.startsAt())).setHeader(getTranslation("meetings.col.when"));
        grid.addColumn(m -> tables.get(m.seriesId()).name()).setHeader(getTranslation("meetings.col.table")).setFlexGrow(2);
        Grid.Column<Meeting> type = grid.addColumn(m -> getTranslation("meetingType." + tables.get(m.seriesId()).type())).setHeader(getTranslation("meetings.col.type"));
        grid.addColumn(m -> getTranslation("meeting.status." + m.status())).setHeader(getTranslation("meetings.col.status"));
        Grid.Column<Meeting> location = grid.addColumn(m -> m.location() == null ? "" : m.location()).setHeader(getTranslation("meetings.col.location")).setFlexGrow(2);
        NarrowScreens.hideWhenNarrow(grid, type, location);
        grid.addComponentColumn(this::chairActions).setHeader(getTranslation("grid.actions"));
        grid.addItemClickListener(e -> open(e.getItem()));
        RowKeyboard.openOnEnter(grid, this::open);
        grid.getElement().setAttribute("aria-label", getTranslation("meetings.grid.aria"));
        grid.setId("meetings-grid");
        grid.setEmptyStateText(getTranslation("meetings.empty"));
        add(new H2(getTranslation("meetings.title")), planning, grid);
        expand(grid);
        refresh();
    }

    private void open(Meeting meeting) {
        getUI().ifPresent(ui -> ui.navigate(MeetingView.class, meeting.id()));
    }

    private Component chairActions(Meeting meeting) {
        MeetingSeries table = tables.get(meeting.seriesId());
        if (!Objects.equals(table.chairId(), viewer.userId()) || meeting.status() != Meeting.Status.PLANNED) {
            return new Span();
        }
        Button move = new Button(getTranslation("meetings.move"), e -> moveDialog(meeting));
        move.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button cancel = new Button(getTranslation("meetings.cancel"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("meetings.cancel.title"), getTranslation("meetings.cancel.text"),
                    getTranslation("meetings.cancel"), ok -> {
                        if (Forms.submit(Map.of(), () -> plans.cancel(viewer, meeting.id()))) {
                            refresh();
                        }
                    });
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.open();
        });
        cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(move, cancel);
    }

    private void moveDialog(Meeting meeting) {
        Dialog dialog = new Dialog(getTranslation("meetings.move.title"));
        DateTimePicker when = new DateTimePicker(getTranslation("meetings.col.when"));
        when.setLocale(java.util.Locale.of("nl", "NL"));
        when.setValue(meeting.startsAt().atZone(ClockFactory.AMSTERDAM).toLocalDateTime());
        dialog.add(when);
        Button save = new Button(getTranslation("action.save"), e -> {
            if (Forms.submit(Map.of("startsAt", when), () -> plans.move(viewer, meeting.id(),
                    when.getValue() == null ? null : when.getValue().atZone(ClockFactory.AMSTERDAM).toInstant()))) {
                dialog.close();
                refresh();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void refresh() {
        grid.setItems(meetings.myMeetings(viewer));
    }
}
