package nl.casustafel.casefile;

import nl.casustafel.pupil.PupilPage;
import nl.casustafel.pupil.PupilService;
import nl.casustafel.platform.DutchDates;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
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
import nl.casustafel.account.Viewer;
import nl.casustafel.consent.Consent;
import nl.casustafel.consent.ConsentDialog;
import nl.casustafel.consent.ConsentService;
import nl.casustafel.consent.NotificationDialog;
import nl.casustafel.covenant.PupilField;
import nl.casustafel.duo.DuoReport;
import nl.casustafel.duo.DuoReportDialog;
import nl.casustafel.duo.DuoReportService;
import nl.casustafel.ui.NarrowScreens;
import nl.casustafel.ui.PupilBadge;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.retention.ClosingPanel;
import nl.casustafel.rights.RequestsPanel;
import nl.casustafel.ui.CurrentUser;
import nl.casustafel.ui.Forms;
import nl.casustafel.ui.MainLayout;

import java.time.LocalDate;
import java.util.Map;

/**
 * One pupil as the user may see it, with "why", and what the user may record: DUO reports (the
 * school), their closing (the attendance officer), consents and notifications of parents, and the
 * closing decision of the case (the school).
 */
@Route(value = PupilPage.ROUTE, layout = MainLayout.class)
@PageTitle("Leerling | Casustafel")
@RolesAllowed({"CARE_COORDINATOR", "YOUTH_NURSE", "YOUTH_DOCTOR", "ATTENDANCE_OFFICER", "PARTNERSHIP_COORDINATOR",
        "SUPPORT_EXPERT", "SOCIAL_WORKER", "YOUTH_CARE_PROVIDER"})
@Prototype
public class PupilDetailView extends VerticalLayout implements HasUrlParameter<String> {


    private final PupilService pupils;
    private final DuoReportService duoReports;
    private final ConsentService consents;
    private final DuoReportDialog.Factory duoDialogs;
    private final ConsentDialog.Factory consentDialogs;
    private final NotificationDialog.Factory notificationDialogs;
    private final ClosingPanel.Factory closingPanels;
    private final RequestsPanel.Factory requestPanels;
    private final nl.casustafel.plan.PlanSection.Factory planSections;
    private final nl.casustafel.thuiszitter.TimelinePanel.Factory timelinePanels;
    private final Viewer viewer = CurrentUser.require();
    /** The pupil as the URL names it: its handle at a table, or its number for a user who sees it by name. */
    private String ref;
    private Long seriesId;
    private long pupilId;

    public PupilDetailView(PupilService pupils, DuoReportService duoReports, ConsentService consents,
                           DuoReportDialog.Factory duoDialogs, ConsentDialog.Factory consentDialogs,
                           NotificationDialog.Factory notificationDialogs, ClosingPanel.Factory closingPanels,
                           RequestsPanel.Factory requestPanels, nl.casustafel.plan.PlanSection.Factory planSections,
                           nl.casustafel.thuiszitter.TimelinePanel.Factory timelinePanels) {
        this.planSections = planSections;
        this.timelinePanels = timelinePanels;
        this.pupils = pupils;
        this.duoReports = duoReports;
        this.consents = consents;
        this.duoDialogs = duoDialogs;
        this.consentDialogs = consentDialogs;
        this.notificationDialogs = notificationDialogs;
        this.closingPanels = closingPanels;
        this.requestPanels = requestPanels;
    }

    @Override
    public void setParameter(BeforeEvent event, String ref) {
        this.ref = ref;
        this.seriesId = event.getLocation().getQueryParameters().getSingleParameter(PupilPage.TABLE_PARAMETER)
                .filter(t -> t.matches("\\d{1,18}")).map(Long::valueOf).orElse(null);
        refresh();
    }

    private void refresh() {
        removeAll();
        PupilView pupil = pupils.find(viewer, ref, seriesId, "leerlingpagina").orElse(null);
        if (pupil == null) {
            add(new H2(getTranslation("pupil.notVisible.title")), new Paragraph(getTranslation("pupil.notVisible.text")));
            return;
        }
        pupilId = pupil.pupilId();
        H2 title = new H2(new PupilBadge(pupil));
        title.setId("pupil-title");
        // Printing: the page as the viewer sees it (the kernel's decision), with who printed it and when.
        Paragraph printed = new Paragraph(getTranslation("pupil.print.stamp", viewer.displayName(), viewer.partyName(),
                DutchDates.DATE_TIME.format(java.time.Instant.now())));
        printed.addClassName("print-only");
        printed.setId("pupil-print-stamp");
        Button print = new Button(getTranslation("pupil.print"), e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        print.addClassName("no-print");
        print.setId("pupil-print");
        add(printed, title, print, fields(pupil), planSections.section(viewer, pupil));
        timelinePanels.section(viewer, ref, seriesId).ifPresent(this::add);
        if (pupil.fields().contains(PupilField.NAME)) {
            add(duoSection(pupil), consentSection(pupil), closingPanels.section(viewer, pupilId, this::refresh),
                    requestPanels.section(viewer, pupilId, this::refresh));
        } else {
            add(new Paragraph(getTranslation("pupil.pseudonymousHint")), consentSection(pupil));
        }
    }

    private Component fields(PupilView p) {
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 3));
        field(form, "pupil.field.alias", p.alias());
        field(form, "pupil.field.name", p.name());
        field(form, "pupil.field.birthDate", p.birthDate() == null ? null : DutchDates.DATE.format(p.birthDate()));
        field(form, "pupil.field.bsn", p.bsn());
        field(form, "pupil.field.address", p.address());
        field(form, "pupil.field.residence", p.residence());
        field(form, "pupil.field.school", p.school());
        field(form, "pupil.field.schoolYear", p.schoolYear() == null ? null : String.valueOf(p.schoolYear()));
        return form;
    }

    private void field(FormLayout form, String key, String value) {
        if (value != null) {
            Span span = new Span(value);
            span.setId(key.replace('.', '-'));
            form.addFormItem(span, getTranslation(key));
        }
    }

    private Component duoSection(PupilView pupil) {
        VerticalLayout section = new VerticalLayout(new H3(getTranslation("duo.title")));
        section.setPadding(false);
        Grid<DuoReport> grid = new Grid<>();
        grid.addColumn(r -> DutchDates.DATE.format(r.reportedOn())).setHeader(getTranslation("duo.col.date"));
        grid.addColumn(r -> getTranslation("duoKind." + r.kind())).setHeader(getTranslation("duo.col.kind")).setFlexGrow(3);
        Grid.Column<DuoReport> reference = grid.addColumn(DuoReport::duoReference).setHeader(getTranslation("duo.col.reference"));
        NarrowScreens.hideWhenNarrow(grid, reference);
        grid.addColumn(r -> r.open() ? getTranslation("duo.open") : getTranslation("duo.closedOn", DutchDates.DATE.format(r.closedOn())))
                .setHeader(getTranslation("duo.col.status"));
        if (viewer.role() == Role.ATTENDANCE_OFFICER) {
            grid.addComponentColumn(r -> r.open() ? closeButton(r) : new Span()).setHeader(getTranslation("grid.actions"));
        }
        grid.setItems(duoReports.ofPupil(viewer, pupilId));
        grid.setAllRowsVisible(true);
        grid.setId("duo-grid");
        section.add(grid);
        if (viewer.role() == Role.CARE_COORDINATOR && pupil.schoolId() != null && viewer.worksAt(pupil.schoolId())) {
            Button record = new Button(getTranslation("duo.record"), e -> duoDialogs.open(viewer, pupilId, this::refresh));
            record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            record.setId("record-duo");
            section.add(record);
        }
        return section;
    }

    private Button closeButton(DuoReport report) {
        Button close = new Button(getTranslation("duo.close"), e -> {
            if (Forms.submit(Map.of(), () -> duoReports.close(viewer, report.id(), null))) {
                Forms.saved(getTranslation("duo.closed"));
                refresh();
            }
        });
        close.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return close;
    }

    private Component consentSection(PupilView pupil) {
        VerticalLayout section = new VerticalLayout(new H3(getTranslation("consent.title")));
        section.setPadding(false);
        if (pupil.fields().contains(PupilField.NAME)) {
            Grid<Consent> grid = new Grid<>();
            grid.addColumn(c -> DutchDates.DATE.format(c.givenOn())).setHeader(getTranslation("consent.col.givenOn"));
            grid.addColumn(c -> getTranslation("meetingType." + c.purpose()) + (c.hulpvraag() == null ? "" : ": " + c.hulpvraag()))
                    .setHeader(getTranslation("consent.col.purpose")).setFlexGrow(3);
            Grid.Column<Consent> givers = grid.addColumn(c -> (c.givenByParent() ? getTranslation("consent.parent") + " " : "")
                    + (c.givenByPupil() ? getTranslation("consent.pupil") : "")).setHeader(getTranslation("consent.col.givers"));
            NarrowScreens.hideWhenNarrow(grid, givers);
            grid.addColumn(c -> c.withdrawn() ? getTranslation("consent.withdrawnOn", DutchDates.DATE.format(c.withdrawnOn()))
                    : getTranslation("consent.valid")).setHeader(getTranslation("consent.col.status"));
            grid.addComponentColumn(c -> c.withdrawn() ? new Span() : withdrawButton(c)).setHeader(getTranslation("grid.actions"));
            grid.setItems(consents.ofPupil(viewer, pupilId));
            grid.setAllRowsVisible(true);
            grid.setId("consent-grid");
            section.add(grid);
        }
        Button record = new Button(getTranslation("consent.record"), e -> consentDialogs.open(viewer, pupilId, this::refresh));
        record.setId("record-consent");
        HorizontalLayout actions = new HorizontalLayout(record);
        if (pupil.fields().contains(PupilField.NAME)) {
            Button notify = new Button(getTranslation("notification.record"), e -> notificationDialogs.open(viewer, pupilId, this::refresh));
            notify.setId("record-notification");
            actions.add(notify);
        }
        section.add(actions);
        return section;
    }

    private Button withdrawButton(Consent consent) {
        Button withdraw = new Button(getTranslation("consent.withdraw"), e -> {
            if (Forms.submit(Map.of(), () -> consents.withdraw(viewer, consent.id(), LocalDate.now(nl.casustafel.platform.ClockFactory.AMSTERDAM), null))) {
                Forms.saved(getTranslation("consent.withdrawn"));
                refresh();
            }
        });
        withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return withdraw;
    }
}
