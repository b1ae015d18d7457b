package nl.casustafel.admin;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;

import java.util.List;

/** Beheer: the covenant's parties, schools and accounts. */
@Controller("/api/admin")
@Secured({"ADMIN", "PRIVACY_OFFICER"})
public class AdminController {

    private final AdminOverview overview;

    public AdminController(AdminOverview overview) {
        this.overview = overview;
    }

    @Get("/parties")
    public List<AdminOverview.PartyRow> parties() {
        return overview.parties();
    }

    @Get("/schools")
    public List<AdminOverview.SchoolRow> schools() {
        return overview.schools();
    }

    @Get("/users")
    public List<AdminOverview.UserRow> users() {
        return overview.users();
    }
}
