package nl.casustafel.platform;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A date (or moment) that can be meant: not before {@link InputRules#EARLIEST}, and not after today plus
 * {@link #yearsAhead()} years in Dutch time. The default, {@code 0}, is for a day on which something happened
 * (consent given, request received); a due date or a planned meeting allows a few years. {@code null} is valid.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Constraint(validatedBy = {})
public @interface PlausibleDate {

    /** How many years after today the date may lie; 0: not in the future. */
    int yearsAhead() default 0;

    String message() default "is geen mogelijke datum";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
