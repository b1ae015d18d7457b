package nl.casustafel.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import nl.casustafel.account.Viewer;
import nl.casustafel.ui.Forms;

import java.util.List;
import java.util.Map;

/**
 * The beheerder's own party's accounts, with what it may do to each: uitschakelen (after confirmation) or
 * weer inschakelen, a temporary password, a new second factor. Every act asks the service, which decides.
 */
final class AccountsPanel extends VerticalLayout {

    private final AccountAdministration administration;
    private final Viewer admin;
    private final Grid<AccountAdministration.AccountRow> grid = new Grid<>();
    private final Grid.Column<AccountAdministration.AccountRow> schools;
    private final Grid.Column<AccountAdministration.AccountRow> swornFor;

    AccountsPanel(AccountAdministration administration, Viewer admin) {
        this.administration = administration;
        this.admin = admin;
        setSizeFull();
        setPadding(false);
        Button create = new Button(getTranslation("accounts.new"), e -> new NewAccountDialog(administration, admin, created -> {
            refresh();
            new TemporaryPasswordDialog(created.account().username(), created.temporaryPassword(), true).open();
        }).open());
        create.setId("new-account");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("account-grid");
        grid.addColumn(AccountAdministration.AccountRow::displayName).setHeader(getTranslation("admin.col.name"))
                .setAutoWidth(true).setFrozen(true);
        // the actions next to the name, so that no scrolling is needed to reach them
        grid.addComponentColumn(this::actions).setHeader(getTranslation("accounts.col.actions")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AccountAdministration.AccountRow::username).setHeader(getTranslation("admin.col.username")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation("role." + a.role())).setHeader(getTranslation("admin.col.role")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation(a.active() ? "accounts.active" : "accounts.inactive"))
                .setHeader(getTranslation("accounts.col.status")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation(a.secondFactorEnrolled() ? "accounts.enrolled" : "accounts.notEnrolled"))
                .setHeader(getTranslation("accounts.col.secondFactor")).setAutoWidth(true);
        // schools and sworn municipalities only where the party's kind has them (a school board, a municipality)
        schools = grid.addColumn(a -> String.join(", ", a.schools())).setHeader(getTranslation("admin.col.schools")).setAutoWidth(true);
        swornFor = grid.addColumn(a -> String.join(", ", a.swornFor())).setHeader(getTranslation("admin.col.swornFor")).setAutoWidth(true);
        add(create, grid);
        expand(grid);
        refresh();
    }

    private void refresh() {
        List<AccountAdministration.AccountRow> rows = administration.accounts(admin);
        schools.setVisible(!administration.schools(admin).isEmpty());
        swornFor.setVisible(!administration.municipalities(admin).isEmpty());
        grid.setItems(rows);
        grid.recalculateColumnWidths();
    }

    private Component actions(AccountAdministration.AccountRow account) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(true);
        if (account.active() && account.id() != admin.userId()) {
            actions.add(button("deactivate", account, ButtonVariant.LUMO_ERROR, () -> confirmDeactivation(account)));
        } else if (!account.active()) {
            actions.add(button("reactivate", account, ButtonVariant.LUMO_SUCCESS, () -> act(() -> administration.reactivate(admin, account.id()),
                    getTranslation("accounts.reactivate.done", account.username()))));
        }
        actions.add(button("password", account, ButtonVariant.LUMO_CONTRAST, () -> confirm("password", account, () -> act(() ->
                new TemporaryPasswordDialog(account.username(), administration.resetPassword(admin, account.id()), false).open(), null))));
        actions.add(button("secondFactor", account, ButtonVariant.LUMO_CONTRAST, () -> confirm("secondFactor", account, () -> act(
                () -> administration.resetSecondFactor(admin, account.id()), getTranslation("accounts.secondFactor.done", account.username())))));
        return actions;
    }

    private Button button(String action, AccountAdministration.AccountRow account, ButtonVariant variant, Runnable onClick) {
        Button button = new Button(getTranslation("accounts." + action), e -> onClick.run());
        button.setId(action + "-" + account.id());
        button.getElement().setAttribute("aria-label", getTranslation("accounts." + action + ".aria", account.displayName()));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, variant);
        return button;
    }

    private void confirmDeactivation(AccountAdministration.AccountRow account) {
        confirm("deactivate", account, () -> act(() -> administration.deactivate(admin, account.id()),
                getTranslation("accounts.deactivate.done", account.username())));
    }

    /** Asks "are you sure" in Dutch, naming the account and what the act ends. */
    private void confirm(String action, AccountAdministration.AccountRow account, Runnable confirmed) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("accounts." + action + ".title", account.displayName()));
        dialog.setText(getTranslation("accounts." + action + ".text", account.displayName(), account.username()));
        Button confirm = new Button(getTranslation("accounts." + action), e -> {
            dialog.close();
            confirmed.run();
        });
        confirm.setId("confirm-" + action);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.setConfirmButton(confirm);
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.open();
    }

    private void act(Runnable action, String done) {
        if (Forms.submit(Map.of(), action)) {
            if (done != null) {
                Forms.saved(done);
            }
            refresh();
        }
    }
}
