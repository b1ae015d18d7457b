package nl.casustafel.thuiszitter;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import nl.casustafel.platform.InputRules;
import nl.casustafel.platform.InvalidInputException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The rules for a new timeline entry, shared by the API and the screen: what each kind needs, dates that are not
 * in the future and follow each other, at most one "fully back". A broken rule is an {@link InvalidInputException}
 * naming the field, in Dutch.
 */
@Singleton
class TimelineInput {

    static final int DESCRIPTION_MAX = 500;

    /** What the writer fills in; which fields count depends on {@code kind}. */
    @Serdeable
    public record NewEntry(@Nullable TimelineEntry.Kind kind, @Nullable TimelineEntry.AbsenceKind absenceKind,
                           @Nullable Boolean exemption, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn,
                           @Nullable BigDecimal hoursPerWeek, @Nullable Integer daysPerWeek, @Nullable String description) {
    }

    /** A new entry after the checks. */
    record Checked(TimelineEntry.Kind kind, @Nullable TimelineEntry.AbsenceKind absenceKind, @Nullable Boolean exemption,
                   LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable BigDecimal hoursPerWeek, @Nullable Integer daysPerWeek,
                   @Nullable String description) {
    }

    Checked check(NewEntry in, List<TimelineEntry> existing, LocalDate today) {
        if (in.kind() == null) {
            throw new InvalidInputException("kind", "Kies wat u vastlegt: periode thuis, passend aanbod, stap in de terugkeer of volledig terug.");
        }
        if (in.startsOn() == null) {
            throw new InvalidInputException("startsOn", in.kind() == TimelineEntry.Kind.OUT_OF_SCHOOL || in.kind() == TimelineEntry.Kind.RETURN_STEP
                    ? "Vul de begindatum in." : "Vul de datum in.");
        }
        InputRules.requireDate("startsOn", in.startsOn(), today, 0);
        if (in.endsOn() != null) {
            InputRules.requireDate("endsOn", in.endsOn(), today, 0);
            if (in.endsOn().isBefore(in.startsOn())) {
                throw new InvalidInputException("endsOn", "De einddatum ligt vóór de begindatum.");
            }
        }
        String description = in.description() == null || in.description().isBlank() ? null : in.description().strip();
        if (description != null) {
            InputRules.requireText("description", description, DESCRIPTION_MAX);
        }
        return switch (in.kind()) {
            case OUT_OF_SCHOOL -> {
                if (in.absenceKind() == null) {
                    throw new InvalidInputException("absenceKind", "Kies absoluut verzuim (niet ingeschreven) of relatief verzuim (ingeschreven, niet aanwezig).");
                }
                if (in.exemption() == null) {
                    throw new InvalidInputException("exemption", "Geef aan of de leerling in deze periode vrijstelling heeft.");
                }
                noStepFields(in);
                yield new Checked(in.kind(), in.absenceKind(), in.exemption(), in.startsOn(), in.endsOn(), null, null, description);
            }
            case RETURN_STEP -> {
                noAbsenceFields(in);
                if (in.hoursPerWeek() == null && in.daysPerWeek() == null) {
                    throw new InvalidInputException("hoursPerWeek", "Vul het aantal uren of dagen per week van deze stap in.");
                }
                if (in.hoursPerWeek() != null && (in.hoursPerWeek().signum() <= 0 || in.hoursPerWeek().compareTo(BigDecimal.valueOf(60)) > 0
                        || in.hoursPerWeek().scale() > 1)) {
                    throw new InvalidInputException("hoursPerWeek", "Het aantal uren per week ligt tussen 0,5 en 60 (hooguit één decimaal).");
                }
                if (in.daysPerWeek() != null && (in.daysPerWeek() < 1 || in.daysPerWeek() > 7)) {
                    throw new InvalidInputException("daysPerWeek", "Het aantal dagen per week ligt tussen 1 en 7.");
                }
                yield new Checked(in.kind(), null, null, in.startsOn(), in.endsOn(), in.hoursPerWeek(), in.daysPerWeek(), description);
            }
            case OFFER_FOUND, FULLY_BACK -> {
                noAbsenceFields(in);
                noStepFields(in);
                if (in.endsOn() != null) {
                    throw new InvalidInputException("endsOn", "Dit is één datum; laat de einddatum leeg.");
                }
                if (in.kind() == TimelineEntry.Kind.FULLY_BACK && existing.stream().anyMatch(e -> e.kind() == TimelineEntry.Kind.FULLY_BACK)) {
                    throw new InvalidInputException("kind", "De leerling staat al als volledig terug vastgelegd.");
                }
                if (in.kind() == TimelineEntry.Kind.OFFER_FOUND && existing.stream().anyMatch(e -> e.kind() == TimelineEntry.Kind.OFFER_FOUND)) {
                    throw new InvalidInputException("kind", "Er is al een passend aanbod vastgelegd.");
                }
                yield new Checked(in.kind(), null, null, in.startsOn(), null, null, null, description);
            }
        };
    }

    private static void noAbsenceFields(NewEntry in) {
        if (in.absenceKind() != null || in.exemption() != null) {
            throw new InvalidInputException("absenceKind", "Soort verzuim en vrijstelling horen alleen bij een periode thuis.");
        }
    }

    private static void noStepFields(NewEntry in) {
        if (in.hoursPerWeek() != null || in.daysPerWeek() != null) {
            throw new InvalidInputException("hoursPerWeek", "Uren en dagen per week horen alleen bij een stap in de terugkeer.");
        }
    }
}
