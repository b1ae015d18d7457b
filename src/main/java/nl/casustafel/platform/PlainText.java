package nl.casustafel.platform;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Free text that may be stored: at most {@link #max()} characters (the column's {@code varchar} length), no
 * control characters but tab and new line, no half surrogate pairs ({@link InputRules#textProblem}).
 * {@code null} is valid; pair with {@code @NotBlank} where the text is required.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Constraint(validatedBy = {})
public @interface PlainText {

    /** The most characters allowed, as the database column holds them. */
    int max();

    String message() default "bevat tekens die niet zijn toegestaan of is te lang";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
