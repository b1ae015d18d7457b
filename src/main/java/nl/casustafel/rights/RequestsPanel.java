package nl.casustafel.rights;

import nl.casustafel.platform.DutchDates;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.InvalidInputException;

import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * The "Verzoeken van betrokkene" section of the pupil page (art. 13 covenant): for the chair of a table
 * the pupil is on, who sees the pupil by name there, the requests with their due dates (overdue marked),
 * a register button, a decide button per open request and the access overview as PDF.
 */
public final class RequestsPanel extends VerticalLayout {


    private final RequestExecutionService executions;

    private RequestsPanel(RequestExecutionService executions, DataSubjectRequestService requests, AccessOverviewService overviews, AccessOverviewPdf pdf, Viewer viewer,
                          long pupilId, List<Long> tables, Runnable changed) {
        this.executions = executions;
        setPadding(false);
        setId("requests-section");
        add(new H3(getTranslation("rights.title")), new Paragraph(getTranslation("rights.help")));
        List<DataSubjectRequestView> list = requests.handledBy(viewer, pupilId);
        if (list.isEmpty()) {
            add(new Paragraph(getTranslation("rights.none")));
        } else {
            Grid<DataSubjectRequestView> grid = new Grid<>();
            grid.setId("requests-grid");
            grid.setAllRowsVisible(true);
            grid.addColumn(DataSubjectRequestView::kindLabel).setHeader(getTranslation("rights.col.kind")).setAutoWidth(true);
            grid.addColumn(r -> getTranslation("requester." + r.requestedBy())).setHeader(getTranslation("rights.col.by"));
            grid.addColumn(r -> DutchDates.DATE.format(r.receivedOn())).setHeader(getTranslation("rights.col.received"));
            grid.addComponentColumn(this::due).setHeader(getTranslation("rights.col.due"));
            grid.addColumn(RequestsPanel::status)
                    .setHeader(getTranslation("rights.col.status"));
            grid.addColumn(DataSubjectRequestView::table).setHeader(getTranslation("rights.col.table")).setAutoWidth(true);
            grid.addComponentColumn(r -> actions(requests, overviews, pdf, viewer, r, changed)).setAutoWidth(true);
            grid.setItems(list);
            add(grid);
        }
        Button register = new Button(getTranslation("rights.register"), e -> new RegisterRequestDialog(requests, viewer, pupilId, tables,
                changed).open());
        register.setId("register-request");
        add(register);
    }

    /** "Toegewezen 01-12-2026", "Uitgevoerd 02-12-2026", with "opgeheven" once a restriction is lifted. */
    static String status(DataSubjectRequestView r) {
        if (r.executedOn() != null) {
            return "Uitgevoerd " + DutchDates.DATE.format(r.executedOn())
                    + (r.liftedOn() == null ? "" : "; opgeheven " + DutchDates.DATE.format(r.liftedOn()));
        }
        return r.statusLabel() + (r.decidedOn() == null ? "" : " " + DutchDates.DATE.format(r.decidedOn()))
                + (r.extendedOn() == null ? "" : " (termijn verlengd)");
    }

    private Component due(DataSubjectRequestView r) {
        Span due = new Span(DutchDates.DATE.format(r.dueOn()) + (r.overdue() ? " — " + getTranslation("rights.overdue") : ""));
        if (r.overdue()) {
            due.getElement().getThemeList().add("badge error");
        }
        return due;
    }

    private Component actions(DataSubjectRequestService requests, AccessOverviewService overviews, AccessOverviewPdf pdf, Viewer viewer,
                              DataSubjectRequestView r, Runnable changed) {
        HorizontalLayout actions = new HorizontalLayout();
        if (r.status() == RequestStatus.OPEN) {
            Button decide = new Button(getTranslation("rights.decide"), e -> new DecideRequestDialog(requests, viewer, r, changed).open());
            decide.addThemeVariants(ButtonVariant.LUMO_SMALL);
            decide.setId("decide-request-" + r.id());
            actions.add(decide);
        }
        if (r.status() == RequestStatus.GRANTED && r.executedOn() == null) {
            Button execute = new Button("Uitvoeren", e -> new ExecuteRequestDialog(executions, viewer, r, changed).open());
            execute.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            execute.setId("execute-request-" + r.id());
            actions.add(execute);
        }
        if (r.kind() == RequestKind.RESTRICTION && r.executedOn() != null && r.liftedOn() == null) {
            Button lift = new Button("Beperking opheffen", e -> {
                executions.lift(viewer, r.id());
                changed.run();
            });
            lift.addThemeVariants(ButtonVariant.LUMO_SMALL);
            lift.setId("lift-request-" + r.id());
            actions.add(lift);
        }
        if (r.kind() == RequestKind.ACCESS || r.kind() == RequestKind.PORTABILITY) {
            Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> overviewPdf(overviews, pdf, viewer, r.id())),
                    AttachmentType.DOWNLOAD, getTranslation("rights.overview"));
            download.setId("request-overview-" + r.id());
            actions.add(download);
        }
        return actions;
    }

    /** The overview as PDF, made when clicked; producing it is logged as an identified read. */
    static DownloadResponse overviewPdf(AccessOverviewService overviews, AccessOverviewPdf pdf, Viewer viewer, long requestId) {
        try {
            byte[] content = pdf.render(overviews.overview(viewer, requestId));
            return new DownloadResponse(new ByteArrayInputStream(content), "inzageoverzicht-" + requestId + ".pdf", "application/pdf",
                    content.length);
        } catch (InvalidInputException | HttpStatusException e) {
            return DownloadResponse.error(403, e.getMessage());
        }
    }

    /** Builds the section; views stay free of wiring. */
    @Singleton
    public static class Factory {
        private final DataSubjectRequestService requests;
        private final AccessOverviewService overviews;
        private final AccessOverviewPdf pdf;
        private final RequestExecutionService executions;

        public Factory(DataSubjectRequestService requests, AccessOverviewService overviews, AccessOverviewPdf pdf,
                       RequestExecutionService executions) {
            this.executions = executions;
            this.requests = requests;
            this.overviews = overviews;
            this.pdf = pdf;
        }

        /** The section, or an empty component for whoever chairs no table this pupil is on (or does not see it by name there). */
        public Component section(Viewer viewer, long pupilId, Runnable changed) {
            List<Long> tables = requests.chairedTablesOf(viewer, pupilId);
            return tables.isEmpty() ? new Div() : new RequestsPanel(executions, requests, overviews, pdf, viewer, pupilId, tables, changed);
        }
    }
}
