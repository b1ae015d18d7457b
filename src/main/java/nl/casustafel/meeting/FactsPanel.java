package nl.casustafel.meeting;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import nl.casustafel.absence.AbsenceHistory;
import nl.casustafel.platform.DutchDates;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The facts about the pupil under discussion, exactly as {@link ItemFacts} gives them for this user: the
 * screen only renders. A user who sees the pupil under its alias is told which facts are left out and why.
 */
final class FactsPanel extends VerticalLayout {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.of("nl", "NL"));

    FactsPanel(ItemFacts.Facts facts) {
        setId("pupil-facts");
        setPadding(false);
        setSpacing(false);
        add(new H4(getTranslation("meeting.facts")));
        if (!facts.identified()) {
            Paragraph alias = new Paragraph(getTranslation("meeting.facts.aliasOnly"));
            alias.setId("facts-alias-only");
            alias.addClassName("withheld");
            add(alias);
        }
        absence(facts);
        if (facts.identified()) {
            duoReports(facts);
            consents(facts);
        }
        if (!facts.withdrawals().isEmpty()) {
            UnorderedList list = list("facts-withdrawals");
            facts.withdrawals().forEach(w -> list.add(new ListItem(getTranslation("meeting.facts.withdrawal",
                    getTranslation("meetingType." + w.purpose()), DutchDates.DATE.format(w.givenOn()), DutchDates.DATE.format(w.withdrawnOn())))));
            add(section("meeting.facts.withdrawals", list));
        }
        UnorderedList open = list("facts-actions");
        facts.openActions().forEach(a -> open.add(new ListItem((a.what() != null ? a.what() : getTranslation("meeting.action.hidden"))
                + " · " + a.owner() + " · " + getTranslation("meeting.action.due", DutchDates.DATE.format(a.dueOn())))));
        add(section("meeting.facts.actions", facts.openActions().isEmpty() ? new Paragraph(getTranslation("meeting.facts.none")) : open));
    }

    private void absence(ItemFacts.Facts facts) {
        if (!facts.absenceShown()) {
            add(new Paragraph(getTranslation("meeting.facts.absence.withheld")));
            return;
        }
        UnorderedList months = list("facts-absence");
        for (AbsenceHistory.Month m : facts.absence()) {
            months.add(new ListItem(getTranslation("meeting.facts.month", MONTH.format(YearMonth.parse(m.month())),
                    hours(m.unauthorisedHours()), hours(m.authorisedHours()), m.sickDays(), m.lateArrivals())));
        }
        add(section("meeting.facts.absence", facts.absence().isEmpty() ? new Paragraph(getTranslation("meeting.facts.absence.none")) : months));
        UnorderedList signals = list("facts-signals");
        facts.signals().forEach(s -> signals.add(new ListItem(s.type().label() + ": " + s.explanation())));
        add(section("meeting.facts.signals", facts.signals().isEmpty() ? new Paragraph(getTranslation("meeting.facts.none")) : signals));
    }

    private void duoReports(ItemFacts.Facts facts) {
        UnorderedList list = list("facts-duo");
        facts.duoReports().forEach(r -> list.add(new ListItem(getTranslation("meeting.facts.duo", DutchDates.DATE.format(r.reportedOn()),
                r.reference(), r.closedOn() == null ? getTranslation("duo.open")
                        : getTranslation("duo.closedOn", DutchDates.DATE.format(r.closedOn()))))));
        add(section("meeting.facts.duo.title", facts.duoReports().isEmpty() ? new Paragraph(getTranslation("meeting.facts.none")) : list));
    }

    private void consents(ItemFacts.Facts facts) {
        UnorderedList list = list("facts-consents");
        facts.consents().forEach(c -> list.add(new ListItem(getTranslation("meeting.facts.consent", c.party(),
                getTranslation("meetingType." + c.purpose()) + (c.hulpvraag() == null ? "" : ": " + c.hulpvraag()),
                DutchDates.DATE.format(c.givenOn()),
                c.withdrawnOn() != null ? getTranslation("consent.withdrawnOn", DutchDates.DATE.format(c.withdrawnOn()))
                        : c.valid() ? getTranslation("consent.valid") : getTranslation("meeting.facts.consent.expired")))));
        add(section("meeting.facts.consents", facts.consents().isEmpty() ? new Paragraph(getTranslation("meeting.facts.none")) : list));
    }

    private static UnorderedList list(String id) {
        UnorderedList list = new UnorderedList();
        list.setId(id);
        return list;
    }

    private Div section(String titleKey, com.vaadin.flow.component.Component body) {
        Div section = new Div(new Paragraph(getTranslation(titleKey)), body);
        section.addClassName("facts-section");
        return section;
    }

    private static String hours(double hours) {
        return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.format(Locale.of("nl", "NL"), "%.1f", hours);
    }
}
