package nl.casustafel;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import nl.casustafel.platform.ConfigException;
import nl.casustafel.platform.RuntimeProperties;

import java.util.Map;

/**
 * Starts Casustafel: Micronaut (REST API, services, database) and the Vaadin UI in one process.
 * The annotations describe the API for the OpenAPI document made at compile time (served at
 * {@code /openapi/casustafel.yml}). Micronaut Security's {@code POST /login} is left out of it: the
 * document-wide bearer requirement would claim that getting a token needs one.
 */
@OpenAPIDefinition(
        info = @Info(title = "Casustafel API", version = "0.1",
                description = "Casustafel's REST API: pupils as the caller may see them under the regional privacy "
                        + "covenant, the signed-in user, and beheer. Get a token with POST /login and send it as a "
                        + "bearer token. Errors are RFC 7807 problems (application/problem+json) in Dutch."),
        security = @SecurityRequirement(name = Application.BEARER))
@SecurityScheme(name = Application.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class Application {

    /** The name of the API's one security scheme: the JWT from {@code POST /login}. */
    static final String BEARER = "bearerAuth";

    private Application() {
    }

    public static void main(String[] args) {
        Map<String, Object> properties;
        try {
            properties = RuntimeProperties.forApplication();
        } catch (ConfigException e) {
            System.err.println("Casustafel did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Micronaut.build(args)
                .mainClass(Application.class)
                .properties(properties)
                .start();
    }
}
