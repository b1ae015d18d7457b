package nl.casustafel.audit;

import nl.casustafel.platform.DutchDates;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import nl.casustafel.ui.DutchDatePicker;
import nl.casustafel.ui.Forms;
import nl.casustafel.ui.MainLayout;

import java.util.Map;

/** Toegangslogboek: the privacy officer searches identified reads by pupil number, user and period. */
@Menu(title = "nav.accessLog", order = 6, icon = "vaadin:records")
@Route(value = "toegangslogboek", layout = MainLayout.class)
@PageTitle("Toegangslogboek | Casustafel")
@RolesAllowed("PRIVACY_OFFICER")
@Prototype
public class AccessLogView extends VerticalLayout {


    private final AccessLogSearch search;
    private final IntegerField pupil = new IntegerField();
    private final TextField user = new TextField();
    private final DutchDatePicker from;
    private final DutchDatePicker until;
    private final Grid<AccessLogSearch.Entry> grid = new Grid<>();

    public AccessLogView(AccessLogSearch search, AccessLogChain chain) {
        this.search = search;
        setSizeFull();
        pupil.setLabel(getTranslation("log.pupil"));
        pupil.setId("log-pupil");
        user.setLabel(getTranslation("log.user"));
        from = new DutchDatePicker(getTranslation("log.from"));
        until = new DutchDatePicker(getTranslation("log.until"));
        Button find = new Button(getTranslation("log.search"), e -> refresh());
        find.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        find.setId("log-search");
        HorizontalLayout filters = new HorizontalLayout(pupil, user, from, until, find);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        AccessLogChain.Verification verification = chain.checkpointAndVerify();
        Span status = new Span(verification.intact() ? getTranslation("log.chain.intact", verification.rowsChecked())
                : verification.firstBrokenRow() == null ? getTranslation("log.chain.checkpoint")
                : getTranslation("log.chain.broken", verification.firstBrokenRow()));
        status.getElement().getThemeList().add("badge " + (verification.intact() ? "success" : "error"));
        status.setId("log-chain");
        Paragraph explanation = new Paragraph(verification.explanation());
        explanation.setId("log-chain-explanation");

        grid.addColumn(e -> DutchDates.TIMESTAMP.format(e.at())).setHeader(getTranslation("log.col.at"));
        grid.addColumn(AccessLogSearch.Entry::username).setHeader(getTranslation("log.col.user"));
        grid.addColumn(AccessLogSearch.Entry::party).setHeader(getTranslation("log.col.party")).setFlexGrow(2);
        grid.addColumn(AccessLogSearch.Entry::pupilId).setHeader(getTranslation("log.col.pupil"));
        grid.addColumn(AccessLogSearch.Entry::context).setHeader(getTranslation("log.col.context")).setFlexGrow(2);
        grid.addColumn(e -> getTranslation("basis." + e.basisKind()) + (e.basisId() == null ? "" : " #" + e.basisId()))
                .setHeader(getTranslation("log.col.basis")).setFlexGrow(2);
        grid.setId("log-grid");
        add(new H2(getTranslation("log.title")), status, explanation, filters, grid);
        expand(grid);
        refresh();
    }

    private void refresh() {
        Forms.submit(Map.of("until", until), () -> grid.setItems(search.search(new AccessLogSearch.Query(
                pupil.getValue() == null ? null : pupil.getValue().longValue(), user.getValue(), from.getValue(), until.getValue()))));
    }
}
