package nl.casustafel.consent;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.MeetingType;
import nl.casustafel.covenant.Party;
import nl.casustafel.covenant.Parties;
import nl.casustafel.covenant.PartyType;
import nl.casustafel.ui.DutchDatePicker;
import nl.casustafel.ui.Forms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Records a consent: who gave it, to which party, for which purpose and data. */
public final class ConsentDialog extends Dialog {

    private ConsentDialog(ConsentService consents, List<Party> parties, Viewer viewer, long pupilId, Runnable saved) {
        setHeaderTitle(getTranslation("consent.dialog.title"));
        setWidth("40rem");
        ComboBox<Party> party = new ComboBox<>(getTranslation("consent.field.party"), parties);
        party.setItemLabelGenerator(Party::name);
        party.setId("consent-party");
        Select<MeetingType> purpose = new Select<>();
        purpose.setLabel(getTranslation("consent.field.purpose"));
        purpose.setItems(MeetingType.values());
        purpose.setItemLabelGenerator(t -> getTranslation("meetingType." + t));
        purpose.setId("consent-purpose");
        TextArea hulpvraag = new TextArea(getTranslation("consent.field.hulpvraag"));
        hulpvraag.setHelperText(getTranslation("consent.hulpvraag.help"));
        hulpvraag.setMaxLength(500);
        CheckboxGroup<String> categories = new CheckboxGroup<>(getTranslation("consent.field.categories"));
        categories.setItems(ConsentService.CATEGORIES.stream().sorted().toList());
        categories.setItemLabelGenerator(c -> getTranslation("category." + c));
        Checkbox byParent = new Checkbox(getTranslation("consent.field.byParent"));
        TextField parentName = new TextField(getTranslation("consent.field.parentName"));
        Checkbox byPupil = new Checkbox(getTranslation("consent.field.byPupil"));
        RadioButtonGroup<ConsentMethod> method = new RadioButtonGroup<>(getTranslation("consent.field.method"));
        method.setItems(ConsentMethod.values());
        method.setItemLabelGenerator(m -> getTranslation("consentMethod." + m));
        DutchDatePicker givenOn = new DutchDatePicker(getTranslation("consent.field.givenOn"));
        givenOn.setValue(LocalDate.now(nl.casustafel.platform.ClockFactory.AMSTERDAM));
        DutchDatePicker validUntil = new DutchDatePicker(getTranslation("consent.field.validUntil"));
        // The consent's scope: other parties to which what is brought in under this consent may go (covenant art. 3.4c).
        MultiSelectComboBox<Party> sharedWith = new MultiSelectComboBox<>(getTranslation("consent.field.sharedWith"));
        sharedWith.setItems(parties);
        sharedWith.setItemLabelGenerator(Party::name);
        sharedWith.setHelperText(getTranslation("consent.sharedWith.help"));
        sharedWith.setId("consent-shared-with");
        party.addValueChangeListener(e -> sharedWith.deselect(e.getValue()));
        FormLayout form = new FormLayout(party, purpose, hulpvraag, categories, sharedWith, byParent, parentName, byPupil, method, givenOn,
                validUntil);
        form.setColspan(hulpvraag, 2);
        form.setColspan(categories, 2);
        form.setColspan(sharedWith, 2);
        add(form);
        Forms.saveAndCancel(this, Map.ofEntries(Map.entry("partyId", party), Map.entry("purpose", purpose), Map.entry("hulpvraag", hulpvraag),
                Map.entry("categories", categories), Map.entry("sharedWith", sharedWith), Map.entry("parentName", parentName),
                Map.entry("givers", byPupil), Map.entry("method", method), Map.entry("givenOn", givenOn), Map.entry("validUntil", validUntil)), () ->
                consents.record(viewer, pupilId, new ConsentService.NewConsent(
                        party.getValue() == null ? null : party.getValue().id(), purpose.getValue(), hulpvraag.getValue(),
                        new ArrayList<>(categories.getValue()), byPupil.getValue(), byParent.getValue(), parentName.getValue(),
                        method.getValue(), givenOn.getValue(), validUntil.getValue(),
                        sharedWith.getValue().stream().map(Party::id).toList())), getTranslation("consent.saved"), saved);
    }

    @Singleton
    public static class Factory {
        private final ConsentService consents;
        private final Parties parties;

        public Factory(ConsentService consents, Parties parties) {
            this.consents = consents;
            this.parties = parties;
        }

        public void open(Viewer viewer, long pupilId, Runnable saved) {
            List<Party> receivers = parties.listOrderByTypeAndName().stream().filter(p -> p.type() != PartyType.SCHOOL_BOARD).toList();
            new ConsentDialog(consents, receivers, viewer, pupilId, saved).open();
        }
    }
}
