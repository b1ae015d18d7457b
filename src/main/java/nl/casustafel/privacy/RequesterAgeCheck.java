package nl.casustafel.privacy;

import jakarta.inject.Singleton;
import nl.casustafel.covenant.ConsentGiver;
import nl.casustafel.covenant.CovenantRules;
import nl.casustafel.platform.InvalidInputException;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * Who may exercise a data subject's right for a pupil (footnote 28 at art. 13 of the covenant): under 12
 * the parent, from 12 to 16 the pupil or the parent, from 16 the pupil; the bands are the covenant's. The
 * rule needs the birth date, so it runs inside the kernel, and only for a viewer who sees the pupil by
 * name (a data subject's request is handled only by such a viewer), who is told the age.
 */
@Singleton
public class RequesterAgeCheck {

    private final PupilRecords records;
    private final CovenantRules covenant;

    RequesterAgeCheck(PupilRecords records, CovenantRules covenant) {
        this.records = records;
        this.covenant = covenant;
    }

    /** Throws a Dutch {@link InvalidInputException} when {@code requester} may not make the request received that day. */
    public void require(long pupilId, DisclosureDecision decision, ConsentGiver requester, LocalDate receivedOn) {
        if (!decision.identified()) {
            throw new IllegalStateException("The requester's age check is only for a viewer who sees the pupil by name");
        }
        LocalDate birth = records.load(List.of(pupilId)).get(pupilId).stored().birthDate();
        if (receivedOn.isBefore(birth)) {
            throw new InvalidInputException("receivedOn", "Op deze datum kan het verzoek niet ontvangen zijn; controleer de datum.");
        }
        int age = Period.between(birth, receivedOn).getYears();
        var givers = covenant.consentBand(age).givers();
        if (givers.contains(requester)) {
            return;
        }
        String who = givers.contains(ConsentGiver.PARENT) ? "de ouder of voogd" : "de leerling zelf";
        throw new InvalidInputException("requestedBy", "De leerling was " + age + " jaar op de dag van ontvangst; op die leeftijd oefent "
                + who + " dit recht uit (voetnoot 28 bij art. 13 convenant). Kies wie het verzoek doet.");
    }
}
