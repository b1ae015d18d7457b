package nl.casustafel.platform;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthenticationException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;

import java.util.List;

/**
 * Writes the body of every 4xx/5xx that Micronaut's server sends ({@code /api/**}, {@code /login},
 * {@code /openapi/**}) as an RFC 7807 problem in Dutch. Micronaut's own handlers (security, validation,
 * routing, JSON) all end here, so one class decides what an error may reveal:
 * <ul>
 *   <li>a 404 always says the same, so it never carries pupil data nor tells "hidden" from "absent";</li>
 *   <li>a 5xx never shows the exception's message (it may hold SQL or personal data);</li>
 *   <li>Micronaut's English messages are replaced by Dutch ones; only our own exceptions
 *       ({@link InvalidInputException}, a plain {@link HttpStatusException} thrown with a Dutch message)
 *       speak for themselves.</li>
 * </ul>
 * Replaces Micronaut's default processor, which only exists when no other is defined.
 */
@Singleton
public class ProblemResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            @SuppressWarnings("unchecked")
            MutableHttpResponse<Problem> bodiless = (MutableHttpResponse<Problem>) response;
            return bodiless;
        }
        return response.body(problem(response.code(), context.getRootCause().orElse(null)))
                .contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE);
    }

    static Problem problem(int status, Throwable cause) {
        List<Problem.FieldError> errors = InvalidFields.of(cause);
        String type = errors.isEmpty() ? Problem.GENERIC_TYPE : Problem.INVALID_INPUT_TYPE;
        return new Problem(type, title(status), status, detail(status, cause), errors);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Ongeldige invoer.";
            case 401 -> "Niet aangemeld.";
            case 403 -> "Geen toegang.";
            case 404 -> "Niet gevonden.";
            case 405 -> "Methode niet toegestaan.";
            case 406 -> "Antwoordformaat niet beschikbaar.";
            case 409 -> "Conflict.";
            case 413 -> "Verzoek te groot.";
            case 415 -> "Inhoudstype niet ondersteund.";
            case 429 -> "Te veel pogingen.";
            case 503 -> "Tijdelijk niet beschikbaar.";
            default -> status >= 500 ? "Interne fout." : "Verzoek geweigerd.";
        };
    }

    private static String detail(int status, Throwable cause) {
        if (status == HttpStatus.NOT_FOUND.getCode()) {
            return "Dit bestaat niet, of u mag het niet zien.";
        }
        if (status >= 500) {
            return "Er ging iets mis bij Casustafel. Probeer het later opnieuw.";
        }
        if (cause instanceof InvalidInputException || ownStatusException(cause)) {
            return cause.getMessage();
        }
        if (cause instanceof ConstraintViolationException) {
            return "Een of meer velden zijn niet goed ingevuld.";
        }
        return switch (status) {
            case 400 -> "Het verzoek is ongeldig of onvolledig.";
            case 401 -> cause instanceof AuthenticationException
                    ? "Gebruikersnaam of wachtwoord onjuist."
                    : "Meld u aan via POST /login en stuur het token mee als Bearer-token.";
            case 403 -> "Uw rol geeft geen toegang tot deze functie.";
            case 405 -> "Deze methode kan hier niet gebruikt worden.";
            case 415 -> "Stuur de gegevens als application/json.";
            default -> "Het verzoek kon niet worden uitgevoerd.";
        };
    }

    /**
     * Micronaut throws only subclasses of {@link HttpStatusException} (with English messages); the exact
     * class comes from our own code, which gives it a Dutch message meant for the user.
     */
    private static boolean ownStatusException(Throwable cause) {
        return cause != null && cause.getClass() == HttpStatusException.class && cause.getMessage() != null;
    }
}
