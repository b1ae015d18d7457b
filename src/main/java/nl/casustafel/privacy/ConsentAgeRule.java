package nl.casustafel.privacy;

import jakarta.inject.Singleton;
import nl.casustafel.covenant.ConsentGiver;
import nl.casustafel.covenant.CovenantRules;
import nl.casustafel.covenant.CovenantRules.ConsentAgeBand;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The covenant's consent age bands (fn 28, read for consent in N4): who must consent at which age,
 * and, with {@code consentAge.onBandChange: ASK_RECONFIRMATION}, that a consent given in one band
 * stops counting on the birthday that moves the pupil into the next one until it is confirmed again.
 * It works on the birth date, which stays inside the kernel: what leaves it is a band's givers,
 * never an age or a date of birth.
 */
@Singleton
public class ConsentAgeRule {

    private final CovenantRules covenant;

    ConsentAgeRule(CovenantRules covenant) {
        this.covenant = covenant;
    }

    /** The band the pupil was in on that day. Before birth there is none: such a day is refused by the caller. */
    ConsentAgeBand bandOn(LocalDate birthDate, LocalDate day) {
        int age = Period.between(birthDate, day).getYears();
        return covenant.consentBand(Math.max(0, age));
    }

    /** Whether a consent given on {@code givenOn} still counts on {@code day}: the pupil is in the same band. */
    boolean sameBand(LocalDate birthDate, LocalDate givenOn, LocalDate day) {
        return bandOn(birthDate, givenOn).equals(bandOn(birthDate, day));
    }

    /** The givers of the band on {@code day} that are not among {@code givers}, in Dutch ("de ouder of voogd", ...). */
    List<String> missing(LocalDate birthDate, LocalDate day, Set<ConsentGiver> givers) {
        Set<ConsentGiver> required = bandOn(birthDate, day).givers();
        List<String> missing = new ArrayList<>();
        if (required.contains(ConsentGiver.PARENT) && !givers.contains(ConsentGiver.PARENT)) {
            missing.add("de ouder of voogd");
        }
        if (required.contains(ConsentGiver.PUPIL) && !givers.contains(ConsentGiver.PUPIL)) {
            missing.add("de leerling zelf");
        }
        return missing;
    }

    /** Who must confirm a consent again in the band of {@code day}, in Dutch. */
    String reconfirmers(LocalDate birthDate, LocalDate day) {
        Set<ConsentGiver> givers = bandOn(birthDate, day).givers();
        if (givers.size() == 2) {
            return "de leerling en de ouder of voogd";
        }
        return givers.contains(ConsentGiver.PARENT) ? "de ouder of voogd" : "de leerling zelf";
    }
}
