package nl.casustafel.platform;

import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The validators behind {@link PlainText} and {@link PlausibleDate}: both ask {@link InputRules}, so the API
 * and the services refuse the same input with the same words. "Today" comes from the platform's clock.
 */
@Factory
class InputConstraints {

    private final Clock clock;

    InputConstraints(Clock clock) {
        this.clock = clock;
    }

    @Singleton
    ConstraintValidator<PlainText, CharSequence> plainText() {
        return (value, annotation, context) -> report(context,
                InputRules.textProblem(value, annotation.intValue("max").orElse(Integer.MAX_VALUE)));
    }

    @Singleton
    ConstraintValidator<PlausibleDate, LocalDate> plausibleDate() {
        return (value, annotation, context) -> report(context,
                InputRules.dateProblem(value, LocalDate.now(clock), annotation.intValue("yearsAhead").orElse(0)));
    }

    @Singleton
    ConstraintValidator<PlausibleDate, Instant> plausibleMoment() {
        return (value, annotation, context) -> {
            int yearsAhead = annotation.intValue("yearsAhead").orElse(0);
            if (value == null) {
                return true;
            }
            // Beyond these bounds the day cannot be computed; they are far outside any plausible range anyway.
            if (value.isBefore(Instant.parse("1000-01-01T00:00:00Z")) || value.isAfter(Instant.parse("9999-12-31T00:00:00Z"))) {
                return report(context, InputRules.dateProblem(value.isBefore(Instant.EPOCH) ? LocalDate.MIN : LocalDate.MAX,
                        LocalDate.now(clock), yearsAhead));
            }
            return report(context, InputRules.dateProblem(LocalDate.ofInstant(value, clock.getZone()), LocalDate.now(clock), yearsAhead));
        };
    }

    private static boolean report(io.micronaut.validation.validator.constraints.ConstraintValidatorContext context,
                                  Optional<String> problem) {
        problem.ifPresent(context::messageTemplate);
        return problem.isEmpty();
    }
}
