package nl.casustafel.admin;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import nl.casustafel.account.Viewers;

import java.util.List;

/**
 * Accountbeheer for the beheerder (ADMIN), for the accounts of its own party only; another party's account
 * is 404 like one that does not exist. Answers that carry a temporary password are never cached.
 */
@Controller("/api/admin/accounts")
@Secured("ADMIN")
public class AccountAdministrationController {

    private final AccountAdministration administration;
    private final Viewers viewers;

    public AccountAdministrationController(AccountAdministration administration, Viewers viewers) {
        this.administration = administration;
        this.viewers = viewers;
    }

    @Get
    @Operation(summary = "De accounts van de eigen organisatie")
    public List<AccountAdministration.AccountRow> list(Authentication authentication) {
        return administration.accounts(viewers.of(authentication));
    }

    @Get("/log")
    @Secured({"ADMIN", "PRIVACY_OFFICER"})
    @Operation(summary = "Het beheerlogboek: wie wanneer wat met welk account deed (beheerder: eigen organisatie; FG: alle)")
    public List<AccountAdminLogRepository.Row> log(Authentication authentication) {
        return administration.log(viewers.of(authentication));
    }

    @Get("/{id:[0-9]+}")
    @Operation(summary = "Eén account van de eigen organisatie")
    public AccountAdministration.AccountRow account(Authentication authentication, @PathVariable long id) {
        return administration.account(viewers.of(authentication), id);
    }

    @Post
    @Operation(summary = "Een account aanmaken; het antwoord bevat eenmalig het tijdelijke wachtwoord")
    public HttpResponse<AccountAdministration.Created> create(Authentication authentication, @Body NewAccountRules.NewAccount body) {
        return HttpResponse.created(administration.create(viewers.of(authentication), body))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Post("/{id}/deactivate")
    @Operation(summary = "Een account uitschakelen; al zijn aanmeldingen eindigen direct")
    public AccountAdministration.AccountRow deactivate(Authentication authentication, @PathVariable long id) {
        return administration.deactivate(viewers.of(authentication), id);
    }

    @Post("/{id}/reactivate")
    @Operation(summary = "Een uitgeschakeld account weer inschakelen")
    public AccountAdministration.AccountRow reactivate(Authentication authentication, @PathVariable long id) {
        return administration.reactivate(viewers.of(authentication), id);
    }

    @Post("/{id}/password-reset")
    @Operation(summary = "Een tijdelijk wachtwoord instellen (eenmalig in het antwoord); al zijn aanmeldingen eindigen direct")
    public HttpResponse<TemporaryPassword> resetPassword(Authentication authentication, @PathVariable long id) {
        return HttpResponse.ok(new TemporaryPassword(administration.resetPassword(viewers.of(authentication), id)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Post("/{id}/second-factor-reset")
    @Operation(summary = "De tweede factor wissen: opnieuw instellen bij de volgende aanmelding; al zijn aanmeldingen eindigen direct")
    public AccountAdministration.AccountRow resetSecondFactor(Authentication authentication, @PathVariable long id) {
        return administration.resetSecondFactor(viewers.of(authentication), id);
    }

    @Serdeable
    public record TemporaryPassword(String temporaryPassword) {
    }
}
