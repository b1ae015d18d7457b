package nl.casustafel.account;

import nl.casustafel.covenant.Role;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Set;

/** Who am I: the signed-in user with role and party. */
@Controller("/api/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class MeController {

    private final Viewers viewers;

    public MeController(Viewers viewers) {
        this.viewers = viewers;
    }

    @Get
    public Me me(Authentication authentication) {
        Viewer v = viewers.of(authentication);
        return new Me(v.username(), v.displayName(), v.role(), v.partyName(), v.schoolIds(), v.swornMunicipalityIds());
    }

    @Serdeable
    public record Me(String username, String name, Role role, String party, Set<Long> schoolIds, Set<Long> swornMunicipalityIds) {
    }
}
