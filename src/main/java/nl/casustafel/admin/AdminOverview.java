package nl.casustafel.admin;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.covenant.Role;
import nl.casustafel.account.Accounts;
import nl.casustafel.covenant.Municipalities;
import nl.casustafel.covenant.Party;
import nl.casustafel.covenant.Parties;
import nl.casustafel.covenant.PartyType;
import nl.casustafel.covenant.Municipality;
import nl.casustafel.school.School;
import nl.casustafel.school.Schools;
import nl.casustafel.school.Sector;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The administrator's overview of the covenant: parties, schools and user accounts. No case content. */
@Singleton
public class AdminOverview {

    private final Parties parties;
    private final Schools schools;
    private final Accounts accounts;
    private final Municipalities municipalities;

    public AdminOverview(Parties parties, Schools schools, Accounts accounts,
                         Municipalities municipalities) {
        this.parties = parties;
        this.schools = schools;
        this.accounts = accounts;
        this.municipalities = municipalities;
    }

    @Transactional(readOnly = true)
    public List<PartyRow> parties() {
        return parties.listOrderByTypeAndName().stream()
                .map(p -> new PartyRow(p.id(), p.name(), p.type(), p.joinedOn()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<SchoolRow> schools() {
        Map<Long, String> partyNames = partyNames();
        Map<Long, String> municipalityNames = municipalities.listOrderByName().stream()
                .collect(Collectors.toMap(Municipality::id, Municipality::name));
        return schools.listOrderByName().stream()
                .map(s -> new SchoolRow(s.id(), s.brin(), s.name(), s.sector(), partyNames.get(s.boardPartyId()),
                        partyNames.get(s.partnershipPartyId()), municipalityNames.get(s.municipalityId())))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<UserRow> users() {
        Map<Long, String> partyNames = partyNames();
        Map<Long, String> schoolNames = schools.listOrderByName().stream().collect(Collectors.toMap(School::id, School::name));
        Map<Long, String> municipalityNames = municipalities.listOrderByName().stream()
                .collect(Collectors.toMap(Municipality::id, Municipality::name));
        return accounts.listOrderByDisplayName().stream()
                .map(u -> new UserRow(u.id(), u.username(), u.displayName(), u.role(), partyNames.get(u.partyId()),
                        names(accounts.findSchoolIds(u.id()), schoolNames),
                        names(accounts.findSwornMunicipalityIds(u.id()), municipalityNames), u.active()))
                .toList();
    }

    private Map<Long, String> partyNames() {
        return parties.listOrderByTypeAndName().stream().collect(Collectors.toMap(Party::id, Party::name));
    }

    private static List<String> names(java.util.Set<Long> ids, Map<Long, String> names) {
        return ids.stream().map(names::get).sorted().toList();
    }

    @Serdeable
    public record PartyRow(long id, String name, PartyType type, LocalDate joinedOn) {
    }

    @Serdeable
    public record SchoolRow(long id, String brin, String name, Sector sector, String board, String partnership,
                            String municipality) {
    }

    @Serdeable
    public record UserRow(long id, String username, String name, Role role, String party, List<String> schools,
                          List<String> swornFor, boolean active) {
    }
}
