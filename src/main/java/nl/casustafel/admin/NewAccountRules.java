package nl.casustafel.admin;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.casustafel.account.AccountLifecycle;
import nl.casustafel.covenant.Role;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.Party;
import nl.casustafel.covenant.Parties;
import nl.casustafel.platform.InputRules;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.school.School;
import nl.casustafel.school.Schools;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a beheerder may create: an account of its own party only, in a role that the covenant lets that
 * kind of party have, tied only to schools of its own board (zorgcoördinator) or sworn only for its own
 * municipality (leerplichtambtenaar). Every refusal names its field in Dutch; nothing is written here.
 */
@Singleton
public class NewAccountRules {

    static final int MAX_DISPLAY_NAME = 200;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final AccountLifecycle lifecycle;
    private final Parties parties;
    private final Schools schools;

    NewAccountRules(AccountLifecycle lifecycle, Parties parties, Schools schools) {
        this.lifecycle = lifecycle;
        this.parties = parties;
        this.schools = schools;
    }

    /** The input as the beheerder gives it (API body or dialog); every field may be missing. */
    @io.micronaut.serde.annotation.Serdeable
    public record NewAccount(@Nullable String username, @Nullable String displayName, @Nullable String role,
                      @Nullable List<Long> schoolIds, @Nullable List<Long> swornMunicipalityIds, @Nullable Long partyId) {
    }

    /** A new account that passed every rule. */
    record Checked(String username, String displayName, Role role, long partyId, Set<Long> schoolIds,
                   Set<Long> swornMunicipalityIds) {
    }

    /** The roles a beheerder of this party may give. */
    List<Role> rolesFor(Viewer admin) {
        return Arrays.stream(Role.values()).filter(role -> role.belongsTo(admin.partyType())).toList();
    }

    /** The schools of the admin's own board (empty for any other kind of party). */
    List<School> ownSchools(Viewer admin) {
        return schools.listOrderByName().stream().filter(s -> s.boardPartyId() == admin.partyId()).toList();
    }

    /** The municipality of the admin's own party, if it is a municipality. */
    @Nullable
    Long ownMunicipality(Viewer admin) {
        return parties.findById(admin.partyId()).map(Party::municipalityId).orElse(null);
    }

    Checked check(Viewer admin, NewAccount input) {
        if (input.partyId() != null && input.partyId() != admin.partyId()) {
            throw new InvalidInputException("partyId", "U kunt alleen accounts voor uw eigen organisatie aanmaken.");
        }
        String username = input.username() == null ? "" : input.username().strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("username", "Een gebruikersnaam heeft 2 tot 64 tekens: kleine letters, cijfers, "
                    + "punt, streepje of liggend streepje, en begint met een letter of cijfer.");
        }
        if (lifecycle.usernameTaken(username)) {
            throw new InvalidInputException("username", "Deze gebruikersnaam is al in gebruik; kies een andere.");
        }
        String displayName = input.displayName() == null ? "" : input.displayName().strip();
        if (displayName.isEmpty()) {
            throw new InvalidInputException("displayName", "Vul de naam in zoals collega's die zien.");
        }
        InputRules.requireText("displayName", displayName, MAX_DISPLAY_NAME);
        Role role = role(admin, input.role());
        return new Checked(username, displayName, role, admin.partyId(), schools(admin, role, input.schoolIds()),
                sworn(admin, role, input.swornMunicipalityIds()));
    }

    private Role role(Viewer admin, @Nullable String name) {
        List<Role> allowed = rolesFor(admin);
        Role role = Arrays.stream(Role.values()).filter(r -> r.name().equals(name)).findFirst().orElse(null);
        if (role == null || !allowed.contains(role)) {
            throw new InvalidInputException("role", "Kies een rol die bij uw soort organisatie hoort: "
                    + allowed.stream().map(Role::name).collect(Collectors.joining(", ")) + ".");
        }
        return role;
    }

    private Set<Long> schools(Viewer admin, Role role, @Nullable List<Long> ids) {
        Set<Long> chosen = distinct(ids);
        if (chosen.isEmpty()) {
            return chosen;
        }
        if (!role.isSchoolStaff()) {
            throw new InvalidInputException("schoolIds", "Alleen een zorgcoördinator wordt aan scholen gekoppeld.");
        }
        Set<Long> own = ownSchools(admin).stream().map(School::id).collect(Collectors.toSet());
        if (!own.containsAll(chosen)) {
            throw new InvalidInputException("schoolIds", "Kies alleen scholen van uw eigen schoolbestuur.");
        }
        return chosen;
    }

    private Set<Long> sworn(Viewer admin, Role role, @Nullable List<Long> ids) {
        Set<Long> chosen = distinct(ids);
        if (chosen.isEmpty()) {
            return chosen;
        }
        if (role != Role.ATTENDANCE_OFFICER) {
            throw new InvalidInputException("swornMunicipalityIds", "Alleen een leerplichtambtenaar is beëdigd voor een gemeente.");
        }
        Long own = ownMunicipality(admin);
        if (own == null || !Set.of(own).containsAll(chosen)) {
            throw new InvalidInputException("swornMunicipalityIds",
                    "Een leerplichtambtenaar kan hier alleen beëdigd zijn voor de gemeente van uw eigen organisatie.");
        }
        return chosen;
    }

    private static Set<Long> distinct(@Nullable List<Long> ids) {
        return ids == null ? Set.of() : ids.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }
}
