package nl.casustafel.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 7807 problem body, the answer to every failed API request. {@code errors} names the invalid
 * fields of a 400 and is left out when there are none.
 */
@Serdeable
public record Problem(String type,
                      String title,
                      int status,
                      String detail,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> errors) {

    /** RFC 7807: a problem with no more meaning than its HTTP status. */
    public static final String GENERIC_TYPE = "about:blank";
    /** A 400 whose {@code errors} say which fields to correct. */
    public static final String INVALID_INPUT_TYPE = "urn:casustafel:problem:invalid-input";

    /** One invalid field, named as the client sent it ({@code duoReference}, {@code pupils[0].name}). */
    @Serdeable
    public record FieldError(String field, String message) {
    }
}
