package nl.casustafel.admin;

import nl.casustafel.platform.DutchDates;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import nl.casustafel.covenant.Role;
import nl.casustafel.account.Viewer;
import nl.casustafel.ui.CurrentUser;
import nl.casustafel.ui.MainLayout;

/**
 * Beheer: the beheerder's own party's accounts (create, deactivate, reset), the beheerlogboek, and the
 * covenant's parties, schools and accounts. No case content.
 */
@Menu(title = "nav.admin", order = 7, icon = "vaadin:cog")
@Route(value = "beheer", layout = MainLayout.class)
@PageTitle("Beheer | Casustafel")
@RolesAllowed({"ADMIN", "PRIVACY_OFFICER"})
@Prototype
public class AdminView extends VerticalLayout {

    public AdminView(AdminOverview overview, AccountAdministration administration) {
        setSizeFull();
        Viewer viewer = CurrentUser.require();
        TabSheet tabs = new TabSheet();
        tabs.setSizeFull();
        if (viewer.role() == Role.ADMIN) {
            tabs.add(getTranslation("admin.accounts", viewer.partyName()), new AccountsPanel(administration, viewer));
        }
        tabs.add(getTranslation("admin.log"), new AdminLogPanel(administration, viewer));
        tabs.add(getTranslation("admin.parties"), parties(overview));
        tabs.add(getTranslation("admin.schools"), schools(overview));
        tabs.add(getTranslation("admin.users"), users(overview));
        add(new H2(getTranslation("admin.title")), tabs);
        expand(tabs);
    }

    private Component parties(AdminOverview overview) {
        Grid<AdminOverview.PartyRow> grid = new Grid<>();
        grid.addColumn(AdminOverview.PartyRow::name).setHeader(getTranslation("admin.col.name")).setFlexGrow(3);
        grid.addColumn(p -> getTranslation("partyType." + p.type())).setHeader(getTranslation("admin.col.type"));
        grid.addColumn(p -> DutchDates.DATE.format(p.joinedOn())).setHeader(getTranslation("admin.col.joinedOn"));
        grid.setItems(overview.parties());
        grid.setId("party-grid");
        return grid;
    }

    private Component schools(AdminOverview overview) {
        Grid<AdminOverview.SchoolRow> grid = new Grid<>();
        grid.addColumn(AdminOverview.SchoolRow::brin).setHeader(getTranslation("admin.col.brin"));
        grid.addColumn(AdminOverview.SchoolRow::name).setHeader(getTranslation("admin.col.name")).setFlexGrow(2);
        grid.addColumn(AdminOverview.SchoolRow::sector).setHeader(getTranslation("admin.col.sector"));
        grid.addColumn(AdminOverview.SchoolRow::board).setHeader(getTranslation("admin.col.board")).setFlexGrow(2);
        grid.addColumn(AdminOverview.SchoolRow::partnership).setHeader(getTranslation("admin.col.partnership")).setFlexGrow(2);
        grid.addColumn(AdminOverview.SchoolRow::municipality).setHeader(getTranslation("admin.col.municipality"));
        grid.setItems(overview.schools());
        return grid;
    }

    private Component users(AdminOverview overview) {
        Grid<AdminOverview.UserRow> grid = new Grid<>();
        grid.addColumn(AdminOverview.UserRow::name).setHeader(getTranslation("admin.col.name")).setFlexGrow(2);
        grid.addColumn(AdminOverview.UserRow::username).setHeader(getTranslation("admin.col.username"));
        grid.addColumn(u -> getTranslation("role." + u.role())).setHeader(getTranslation("admin.col.role")).setFlexGrow(2);
        grid.addColumn(AdminOverview.UserRow::party).setHeader(getTranslation("admin.col.party")).setFlexGrow(2);
        grid.addColumn(u -> String.join(", ", u.schools())).setHeader(getTranslation("admin.col.schools"));
        grid.addColumn(u -> String.join(", ", u.swornFor())).setHeader(getTranslation("admin.col.swornFor"));
        grid.setItems(overview.users());
        return grid;
    }
}
