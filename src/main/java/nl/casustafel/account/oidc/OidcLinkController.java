package nl.casustafel.account.oidc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import nl.casustafel.account.Viewers;

import java.util.List;

/**
 * Beheer: which identity of an organisation's own OpenID Connect provider signs in as which Casustafel
 * account. Administrators only, and only for accounts of their own party.
 */
@Controller("/api/admin/oidc-links")
@Secured("ADMIN")
public class OidcLinkController {

    private final OidcLinks links;
    private final Viewers viewers;

    public OidcLinkController(OidcLinks links, Viewers viewers) {
        this.links = links;
        this.viewers = viewers;
    }

    @Get
    @Operation(summary = "Koppelingen van accounts van de eigen organisatie aan een OIDC-identiteit")
    public List<Link> list(Authentication authentication) {
        return links.list(viewers.of(authentication)).stream().map(Link::of).toList();
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Een OIDC-identiteit (uitgever + subject) koppelen aan een account van de eigen organisatie")
    public Link link(Authentication authentication, @Body NewLink body) {
        return Link.of(links.link(viewers.of(authentication),
                new OidcLinks.LinkRequest(body.username(), body.provider(), body.issuer(), body.subject())));
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Een koppeling opheffen")
    public void unlink(Authentication authentication, @PathVariable long id) {
        links.unlink(viewers.of(authentication), id);
    }

    @Serdeable
    public record NewLink(@Nullable String username, @Nullable String provider, @Nullable String issuer,
                          @Nullable String subject) {
    }

    @Serdeable
    public record Link(long id, String username, String provider, String issuer, String subject, String linkedAt) {
        static Link of(OidcLinks.LinkRow row) {
            return new Link(row.id(), row.username(), row.provider(), row.issuer(), row.subject(), row.linkedAt().toString());
        }
    }
}
