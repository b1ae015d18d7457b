package nl.casustafel.admin;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import nl.casustafel.covenant.Role;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.Municipality;
import nl.casustafel.school.School;
import nl.casustafel.ui.Forms;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Nieuw account: username, name, a role of the beheerder's kind of party, and its schools or sworn municipality. */
final class NewAccountDialog extends Dialog {

    NewAccountDialog(AccountAdministration administration, Viewer admin, Consumer<AccountAdministration.Created> created) {
        setHeaderTitle(getTranslation("accounts.new.title"));
        setWidth("36rem");
        TextField username = new TextField(getTranslation("admin.col.username"));
        username.setId("new-username");
        username.setHelperText(getTranslation("accounts.new.username.help"));
        TextField displayName = new TextField(getTranslation("admin.col.name"));
        displayName.setId("new-display-name");
        Select<Role> role = new Select<>();
        role.setId("new-role");
        role.setLabel(getTranslation("admin.col.role"));
        role.setItems(administration.roles(admin));
        role.setItemLabelGenerator(r -> getTranslation("role." + r));
        MultiSelectComboBox<School> schools = new MultiSelectComboBox<>(getTranslation("admin.col.schools"));
        schools.setId("new-schools");
        schools.setItems(administration.schools(admin));
        schools.setItemLabelGenerator(School::name);
        schools.setVisible(false);
        List<Municipality> ownMunicipality = administration.municipalities(admin);
        Checkbox sworn = new Checkbox(ownMunicipality.isEmpty() ? ""
                : getTranslation("accounts.new.sworn", ownMunicipality.getFirst().name()));
        sworn.setId("new-sworn");
        sworn.setVisible(false);
        role.addValueChangeListener(e -> {
            schools.setVisible(e.getValue() != null && e.getValue().isSchoolStaff());
            sworn.setVisible(e.getValue() == Role.ATTENDANCE_OFFICER && !ownMunicipality.isEmpty());
        });
        FormLayout form = new FormLayout(username, displayName, role, schools, sworn);
        add(form);
        Forms.saveAndCancel(this, Map.of("username", username, "displayName", displayName, "role", role,
                "schoolIds", schools), () -> created.accept(administration.create(admin, new NewAccountRules.NewAccount(
                username.getValue(), displayName.getValue(), role.getValue() == null ? null : role.getValue().name(),
                schools.isVisible() ? schools.getValue().stream().map(School::id).toList() : List.of(),
                sworn.isVisible() && sworn.getValue() ? ownMunicipality.stream().map(Municipality::id).toList() : List.of(),
                null))), getTranslation("accounts.new.saved"), () -> { })
                .setId("new-account-save");
    }
}
