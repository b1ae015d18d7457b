package nl.casustafel.admin;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.DutchDates;

/** The beheerlogboek: who did what to which account, and when; newest first. */
final class AdminLogPanel extends Composite<Grid<AccountAdminLogRepository.Row>> {

    AdminLogPanel(AccountAdministration administration, Viewer viewer) {
        Grid<AccountAdminLogRepository.Row> grid = getContent();
        grid.setId("admin-log-grid");
        grid.addColumn(row -> DutchDates.DATE_TIME.format(row.at())).setHeader(getTranslation("adminLog.col.at"));
        grid.addColumn(row -> row.actorName() + " (" + row.actorUsername() + ")").setHeader(getTranslation("adminLog.col.actor")).setFlexGrow(2);
        grid.addColumn(row -> getTranslation("adminLog.action." + row.action())).setHeader(getTranslation("adminLog.col.action")).setFlexGrow(2);
        grid.addColumn(AccountAdminLogRepository.Row::accountUsername).setHeader(getTranslation("adminLog.col.account")).setFlexGrow(2);
        grid.addColumn(AccountAdminLogRepository.Row::partyName).setHeader(getTranslation("admin.col.party")).setFlexGrow(2);
        grid.setItems(administration.log(viewer));
    }
}
