package nl.casustafel.ui;

import com.vaadin.flow.component.datepicker.DatePicker;

import java.time.LocalDate;
import java.util.List;

/** A date picker in Dutch: dd-mm-jjjj, Dutch month and day names, the week starting on Monday. */
public class DutchDatePicker extends DatePicker {

    public DutchDatePicker(String label) {
        super(label);
        setLocale(ViewAccessControl.DUTCH);
        DatePickerI18n i18n = new DatePickerI18n();
        i18n.setMonthNames(List.of("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                "september", "oktober", "november", "december"));
        i18n.setWeekdays(List.of("zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"));
        i18n.setWeekdaysShort(List.of("zo", "ma", "di", "wo", "do", "vr", "za"));
        i18n.setFirstDayOfWeek(1);
        i18n.setToday("Vandaag");
        i18n.setCancel("Annuleren");
        i18n.setDateFormat("dd-MM-yyyy");
        i18n.setBadInputErrorMessage("Vul een datum in als dd-mm-jjjj.");
        setI18n(i18n);
        setMax(LocalDate.now(nl.casustafel.platform.ClockFactory.AMSTERDAM).plusYears(5));
    }
}
