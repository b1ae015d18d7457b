package nl.casustafel.oversight;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import nl.casustafel.account.Viewer;
import nl.casustafel.audit.AccessLogChain;
import nl.casustafel.platform.DutchDates;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.ui.CurrentUser;
import nl.casustafel.ui.DutchDatePicker;
import nl.casustafel.ui.Forms;
import nl.casustafel.ui.MainLayout;

import java.io.ByteArrayInputStream;
import java.util.Map;

/**
 * Toegangslogboek: the privacy officer searches identified reads by pupil (name, BSN or number), user and
 * period, sees each with its full time and, for a pupil looked up by name or BSN, the pupil's name; exports
 * the search as CSV. An empty result says why.
 */
@Menu(title = "nav.accessLog", order = 6, icon = "vaadin:records")
@Route(value = "toegangslogboek", layout = MainLayout.class)
@PageTitle("Toegangslogboek | Casustafel")
@RolesAllowed("PRIVACY_OFFICER")
@Prototype
public class AccessLogView extends VerticalLayout {

    private final AccessLogSearch search;
    private final Viewer viewer = CurrentUser.require();
    private final TextField pupil = new TextField();
    private final TextField user = new TextField();
    private final DutchDatePicker from;
    private final DutchDatePicker until;
    private final Grid<AccessLogSearch.Entry> grid = new Grid<>();
    private final Paragraph explanation = new Paragraph();
    /** The search on screen, which the export repeats. */
    private volatile AccessLogSearch.Query shown = AccessLogSearch.Query.all();

    public AccessLogView(AccessLogSearch search, AccessLogCsv csv, AccessLogChain chain) {
        this.search = search;
        setSizeFull();
        pupil.setLabel(getTranslation("log.pupil"));
        pupil.setHelperText(getTranslation("log.pupil.help"));
        pupil.setId("log-pupil");
        pupil.setMaxLength(200);
        user.setLabel(getTranslation("log.user"));
        user.setId("log-user");
        user.setMaxLength(64);
        from = new DutchDatePicker(getTranslation("log.from"));
        from.setId("log-from");
        until = new DutchDatePicker(getTranslation("log.until"));
        until.setId("log-until");
        Button find = new Button(getTranslation("log.search"), e -> refresh());
        find.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        find.setId("log-search");
        Anchor export = new Anchor();
        export.setHref(DownloadHandler.fromInputStream(event -> export(csv)), AttachmentType.DOWNLOAD);
        export.add(VaadinIcon.DOWNLOAD.create(), new Span(getTranslation("log.export")));
        export.getElement().setAttribute("title", getTranslation("log.export.title"));
        export.setId("log-export");
        HorizontalLayout filters = new HorizontalLayout(pupil, user, from, until, find, export);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        AccessLogChain.Verification verification = chain.checkpointAndVerify();
        Span status = new Span(verification.intact() ? getTranslation("log.chain.intact", verification.rowsChecked())
                : verification.firstBrokenRow() == null ? getTranslation("log.chain.checkpoint")
                : getTranslation("log.chain.broken", verification.firstBrokenRow()));
        status.getElement().getThemeList().add("badge " + (verification.intact() ? "success" : "error"));
        status.setId("log-chain");
        Paragraph chainExplanation = new Paragraph(verification.explanation());
        chainExplanation.setId("log-chain-explanation");

        grid.addColumn(e -> DutchDates.TIMESTAMP.format(e.at())).setHeader(getTranslation("log.col.at")).setAutoWidth(true);
        grid.addColumn(AccessLogSearch.Entry::username).setHeader(getTranslation("log.col.user"));
        grid.addColumn(AccessLogSearch.Entry::party).setHeader(getTranslation("log.col.party")).setFlexGrow(2);
        grid.addColumn(AccessLogSearch.Entry::pupilId).setHeader(getTranslation("log.col.pupil"));
        grid.addColumn(e -> e.pupilName() == null ? "" : e.pupilName()).setHeader(getTranslation("log.col.pupilName")).setFlexGrow(2);
        grid.addColumn(AccessLogSearch.Entry::context).setHeader(getTranslation("log.col.context")).setFlexGrow(2);
        grid.addColumn(csv::basis).setHeader(getTranslation("log.col.basis")).setFlexGrow(2);
        grid.setId("log-grid");
        explanation.setId("log-explanation");
        add(new H2(getTranslation("log.title")), status, chainExplanation, filters, explanation, grid);
        expand(grid);
        refresh();
    }

    private void refresh() {
        AccessLogSearch.Query query = new AccessLogSearch.Query(pupil.getValue(), null, user.getValue(), from.getValue(), until.getValue());
        Forms.submit(Map.of("pupil", pupil, "until", until), () -> {
            AccessLogSearch.Result result = search.search(viewer, query, "scherm Toegangslogboek");
            shown = query;
            grid.setItems(result.entries());
            String text = result.explanation() != null ? result.explanation()
                    : result.truncated() ? getTranslation("log.truncated", result.entries().size()) : "";
            explanation.setText(text);
            explanation.setVisible(!text.isEmpty());
        });
    }

    private DownloadResponse export(AccessLogCsv csv) {
        try {
            byte[] file = csv.write(search.search(viewer, shown, "scherm Toegangslogboek, export"));
            return new DownloadResponse(new ByteArrayInputStream(file), AccessLogCsv.FILE_NAME, AccessLogCsv.CONTENT_TYPE, file.length);
        } catch (InvalidInputException e) {
            return DownloadResponse.error(400, e.getMessage());
        }
    }
}
