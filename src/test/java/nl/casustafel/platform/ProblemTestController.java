package nl.casustafel.platform;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import java.util.List;

/** Test only: an endpoint that validates a body and applies a domain rule, the way feature controllers will. */
@Controller("/api/test/problems")
@Secured(SecurityRule.IS_AUTHENTICATED)
class ProblemTestController {

    @Post("/consents")
    String consent(@Valid @Body ConsentRequest request) {
        if (request.age() >= 12 && request.age() < 16 && (request.parentConsent() == null || request.pupilConsent() == null)) {
            throw new InvalidInputException("pupilConsent", "Bij een leerling van 12 tot 16 jaar geven ouder én leerling toestemming.");
        }
        return "ok";
    }

    @Get("/failure")
    String failure() {
        throw new IllegalStateException("SELECT * FROM pupil_identity WHERE family_name = 'Jansen'");
    }

    @Serdeable
    record ConsentRequest(@NotBlank String duoReference,
                          @Min(4) @Max(23) int age,
                          @Nullable String parentConsent,
                          @Nullable String pupilConsent,
                          @Nullable List<@Valid Contact> contacts) {
    }

    @Serdeable
    record Contact(@NotBlank String name) {
    }
}
