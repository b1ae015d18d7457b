package nl.casustafel.platform;

import io.micronaut.context.StaticMessageSource;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Dutch texts for the standard constraints, so that a 400's {@code errors} speak the user's language.
 * Micronaut Validation looks constraint messages up in the application's message sources; this one is
 * asked before its built-in English one. A {@code message = "..."} on an annotation still wins.
 */
@Singleton
public class DutchValidationMessages extends StaticMessageSource {

    public DutchValidationMessages() {
        add(AssertTrue.class, "moet waar zijn");
        add(AssertFalse.class, "moet onwaar zijn");
        add(DecimalMax.class, "mag niet groter zijn dan {value}");
        add(DecimalMin.class, "mag niet kleiner zijn dan {value}");
        add(Digits.class, "heeft te veel cijfers (hoogstens {integer} voor en {fraction} na de komma)");
        add(Email.class, "moet een geldig e-mailadres zijn");
        add(Future.class, "moet in de toekomst liggen");
        add(FutureOrPresent.class, "mag niet in het verleden liggen");
        add(Max.class, "mag niet groter zijn dan {value}");
        add(Min.class, "mag niet kleiner zijn dan {value}");
        add(Negative.class, "moet kleiner zijn dan 0");
        add(NegativeOrZero.class, "mag niet groter zijn dan 0");
        add(NotBlank.class, "moet ingevuld zijn");
        add(NotEmpty.class, "mag niet leeg zijn");
        add(NotNull.class, "moet ingevuld zijn");
        add(Null.class, "moet leeg blijven");
        add(Past.class, "moet in het verleden liggen");
        add(PastOrPresent.class, "mag niet in de toekomst liggen");
        add(Pattern.class, "heeft niet de juiste vorm");
        add(Positive.class, "moet groter zijn dan 0");
        add(PositiveOrZero.class, "mag niet kleiner zijn dan 0");
        add(Size.class, "moet tussen {min} en {max} lang zijn");
    }

    private void add(Class<?> constraint, String message) {
        addMessage(constraint.getName() + ".message", message);
    }

    @Override
    public int getOrder() {
        // Before Micronaut Validation's English defaults, which keep the default order 0.
        return -100;
    }
}
