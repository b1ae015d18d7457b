package nl.casustafel.privacy;

import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.ConsentGiver;
import nl.casustafel.covenant.PupilField;
import nl.casustafel.platform.InvalidInputException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;

/**
 * Whether the givers of a consent being recorded fit the pupil's age band on the day it was given.
 * The rule needs the birth date, so it runs here, inside the kernel, and what it answers depends on
 * what the recording viewer may see (finding b of issue 10):
 * <ul>
 * <li>a viewer who sees the birth date is told the age, as before;</li>
 * <li>a viewer who sees the pupil only under an alias may record only a consent given today (at this
 *     table), so that varying the date cannot bisect the birthday, and a refusal names only who else
 *     must consent, never an age; the check is logged, as it used the birth date on the viewer's behalf.</li>
 * </ul>
 */
@Singleton
public class ConsentGiversCheck {

    private final PupilRecords records;
    private final ConsentAgeRule ages;
    private final AgeCheckLog ageCheckLog;
    private final Clock clock;

    ConsentGiversCheck(PupilRecords records, ConsentAgeRule ages, AgeCheckLog ageCheckLog, Clock clock) {
        this.records = records;
        this.ages = ages;
        this.ageCheckLog = ageCheckLog;
        this.clock = clock;
    }

    /** Throws a Dutch {@link InvalidInputException} when the givers do not fit; {@code decision} is the viewer's for this pupil. */
    public void require(Viewer viewer, long pupilId, DisclosureDecision decision, LocalDate givenOn, Set<ConsentGiver> givers,
                        boolean health) {
        boolean seesBirthDate = decision.identified() && decision.allows(PupilField.BIRTH_DATE);
        if (!seesBirthDate && !givenOn.equals(LocalDate.now(clock))) {
            throw new InvalidInputException("givenOn",
                    "Zonder de naam van de leerling te zien legt u alleen toestemming vast die vandaag aan tafel is gegeven.");
        }
        LocalDate birthDate = records.load(List.of(pupilId)).get(pupilId).stored().birthDate();
        if (!seesBirthDate) {
            ageCheckLog.record(viewer, pupilId);
        }
        if (givenOn.isBefore(birthDate)) {
            throw new InvalidInputException("givenOn", seesBirthDate
                    ? "De datum van de toestemming ligt vóór de geboortedatum van de leerling."
                    : "Deze datum kan niet kloppen voor deze leerling.");
        }
        List<String> missing = ages.missing(birthDate, givenOn, givers);
        if (missing.isEmpty()) {
            return;
        }
        String what = health ? "gezondheidsgegevens en andere gegevens" : "deze gegevens";
        String who = String.join(" en ", missing);
        if (seesBirthDate) {
            int age = Period.between(birthDate, givenOn).getYears();
            throw new InvalidInputException("givers", "De leerling was " + age + " jaar op de dag van de toestemming; voor "
                    + what + " moet dan ook " + who + " toestemming geven.");
        }
        throw new InvalidInputException("givers", "Voor " + what + " moet bij deze leerling ook " + who
                + " toestemming geven (leeftijdsgrenzen van het convenant, voetnoot 28).");
    }
}
