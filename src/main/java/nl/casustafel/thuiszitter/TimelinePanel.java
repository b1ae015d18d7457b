package nl.casustafel.thuiszitter;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.DutchDates;
import nl.casustafel.platform.NotFoundException;
import nl.casustafel.ui.DutchDatePicker;
import nl.casustafel.ui.Forms;

import java.util.Map;
import java.util.Optional;

/**
 * The thuiszitter's timeline on the pupil page: the durations and signals where the kernel allows them, the entries
 * the viewer may read (withheld ones by the kernel's reason only), and a form to record the next step. Nothing is
 * shown for a pupil on no thuiszitterstafel or a viewer who may not see its timeline.
 */
public final class TimelinePanel extends VerticalLayout {

    private final ThuiszitterTimeline service;
    private final Viewer viewer;
    private final String ref;
    private final Long seriesId;

    private TimelinePanel(ThuiszitterTimeline service, Viewer viewer, String ref, Long seriesId) {
        this.service = service;
        this.viewer = viewer;
        this.ref = ref;
        this.seriesId = seriesId;
        setId("thuiszitter-timeline");
        setPadding(false);
    }

    private boolean render() {
        removeAll();
        ThuiszitterTimeline.Timeline t;
        try {
            t = service.read(viewer, ref, seriesId);
        } catch (NotFoundException e) {
            return false;
        }
        add(new H3(getTranslation("timeline.title", t.table())));
        if (t.figuresShown() && t.figures() != null) {
            TimelineFigures f = t.figures();
            Paragraph figures = new Paragraph(getTranslation("timeline.figures", date(f.registeredOn()), String.valueOf(f.daysOutOfSchool()),
                    String.valueOf(f.weeksWithoutExemption()))
                    + (f.offerFoundOn() != null ? getTranslation("timeline.figures.offer", date(f.offerFoundOn()), String.valueOf(f.daysToOffer())) : "")
                    + (f.fullyBackOn() != null ? getTranslation("timeline.figures.fullyBack", date(f.fullyBackOn())) : ""));
            figures.setId("timeline-figures");
            add(figures);
            f.signals().forEach(s -> {
                Paragraph line = new Paragraph(s.text());
                line.addClassName("thuiszitter-signal");
                add(line);
            });
        } else {
            Paragraph why = new Paragraph(t.figuresWithheldReason());
            why.setId("timeline-figures-withheld");
            add(why);
        }
        VerticalLayout entries = new VerticalLayout();
        entries.setPadding(false);
        entries.setSpacing(false);
        entries.setId("timeline-entries");
        t.entries().forEach(e -> entries.add(new Paragraph(line(e))));
        t.withheld().forEach(w -> entries.add(new Paragraph(w)));
        if (t.entries().isEmpty() && t.withheld().isEmpty()) {
            entries.add(new Paragraph(getTranslation("timeline.empty")));
        }
        add(entries, form());
        return true;
    }

    private String line(ThuiszitterTimeline.Entry e) {
        String period = date(e.startsOn()) + (e.endsOn() != null ? getTranslation("timeline.entry.until", date(e.endsOn())) : "");
        String what = switch (e.kind()) {
            case OUT_OF_SCHOOL -> getTranslation(e.absenceKind() == TimelineEntry.AbsenceKind.ABSOLUTE ? "timeline.entry.home.absolute" : "timeline.entry.home.relative")
                    + getTranslation(Boolean.TRUE.equals(e.exemption()) ? "timeline.entry.withExemption" : "timeline.entry.withoutExemption")
                    + (e.endsOn() == null ? getTranslation("timeline.entry.ongoing") : "");
            case OFFER_FOUND -> getTranslation("timeline.entry.offer");
            case RETURN_STEP -> getTranslation("timeline.entry.step")
                    + (e.hoursPerWeek() != null ? getTranslation("timeline.entry.step.hours", e.hoursPerWeek().stripTrailingZeros().toPlainString().replace('.', ',')) : "")
                    + (e.daysPerWeek() != null ? getTranslation("timeline.entry.step.days", String.valueOf(e.daysPerWeek())) : "");
            case FULLY_BACK -> getTranslation("timeline.entry.fullyBack");
        };
        return period + " · " + what + (e.description() != null ? " · " + e.description() : "")
                + (e.providedBy() != null ? " (" + e.providedBy() + ")" : "");
    }

    private HorizontalLayout form() {
        Select<TimelineEntry.Kind> kind = new Select<>();
        kind.setLabel(getTranslation("timeline.form.kind"));
        kind.setItems(TimelineEntry.Kind.values());
        kind.setItemLabelGenerator(k -> switch (k) {
            case OUT_OF_SCHOOL -> getTranslation("timeline.kind.outOfSchool");
            case OFFER_FOUND -> getTranslation("timeline.kind.offer");
            case RETURN_STEP -> getTranslation("timeline.kind.step");
            case FULLY_BACK -> getTranslation("timeline.kind.fullyBack");
        });
        kind.setValue(TimelineEntry.Kind.OUT_OF_SCHOOL);
        kind.setId("timeline-kind");
        Select<TimelineEntry.AbsenceKind> absence = new Select<>();
        absence.setLabel(getTranslation("timeline.form.absenceKind"));
        absence.setItems(TimelineEntry.AbsenceKind.values());
        absence.setItemLabelGenerator(a -> getTranslation(a == TimelineEntry.AbsenceKind.ABSOLUTE ? "timeline.absence.absolute" : "timeline.absence.relative"));
        absence.setId("timeline-absence-kind");
        Checkbox exemption = new Checkbox(getTranslation("timeline.form.exemption"));
        exemption.setId("timeline-exemption");
        DatePicker starts = new DutchDatePicker(getTranslation("timeline.form.starts"));
        starts.setId("timeline-starts");
        DatePicker ends = new DutchDatePicker(getTranslation("timeline.form.ends"));
        ends.setId("timeline-ends");
        BigDecimalField hours = new BigDecimalField(getTranslation("timeline.form.hours"));
        hours.setId("timeline-hours");
        IntegerField days = new IntegerField(getTranslation("timeline.form.days"));
        days.setId("timeline-days");
        TextField description = new TextField(getTranslation("timeline.form.description"));
        description.setMaxLength(TimelineInput.DESCRIPTION_MAX);
        description.setId("timeline-description");
        Runnable showFields = () -> {
            boolean out = kind.getValue() == TimelineEntry.Kind.OUT_OF_SCHOOL;
            boolean step = kind.getValue() == TimelineEntry.Kind.RETURN_STEP;
            absence.setVisible(out);
            exemption.setVisible(out);
            ends.setVisible(out || step);
            hours.setVisible(step);
            days.setVisible(step);
        };
        kind.addValueChangeListener(e -> showFields.run());
        showFields.run();
        Button save = new Button(getTranslation("timeline.form.save"), e -> {
            boolean out = kind.getValue() == TimelineEntry.Kind.OUT_OF_SCHOOL;
            boolean step = kind.getValue() == TimelineEntry.Kind.RETURN_STEP;
            if (Forms.submit(Map.of("kind", kind, "absenceKind", absence, "startsOn", starts, "endsOn", ends, "hoursPerWeek", hours,
                    "daysPerWeek", days, "description", description), () -> service.record(viewer, ref, seriesId, new TimelineInput.NewEntry(
                    kind.getValue(), out ? absence.getValue() : null, out ? exemption.getValue() : null, starts.getValue(),
                    out || step ? ends.getValue() : null, step ? hours.getValue() : null, step ? days.getValue() : null, description.getValue())))) {
                Forms.saved(getTranslation("timeline.saved"));
                render();
            }
        });
        save.setId("timeline-save");
        HorizontalLayout form = new HorizontalLayout(kind, absence, exemption, starts, ends, hours, days, description, save);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private static String date(java.time.LocalDate day) {
        return day == null ? "-" : DutchDates.DATE.format(day);
    }

    /** Makes the panel for the pupil page; empty when the viewer has no timeline to see for this pupil. */
    @Singleton
    public static class Factory {
        private final ThuiszitterTimeline service;

        Factory(ThuiszitterTimeline service) {
            this.service = service;
        }

        public Optional<TimelinePanel> section(Viewer viewer, String ref, Long seriesId) {
            TimelinePanel panel = new TimelinePanel(service, viewer, ref, seriesId);
            return panel.render() ? Optional.of(panel) : Optional.empty();
        }
    }
}
