package nl.casustafel.meeting;

import nl.casustafel.platform.InputRules;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.UserAccount;
import nl.casustafel.account.Accounts;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.CovenantRules;
import nl.casustafel.covenant.MeetingType;
import nl.casustafel.covenant.PartyType;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.school.School;
import nl.casustafel.school.Schools;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A chair sets up a table (meeting series) as the covenant's meeting type allows: a verzuimoverleg
 * or SOT for one of the chair's schools (in a sector the type is held in), a thuiszitterstafel for
 * the chair's samenwerkingsverband; a cadence the type allows; participants in the roles the type
 * puts at the table. The chair sits at the table too.
 */
@Singleton
public class SeriesPlanning {

    private static final int NAME_MAX = 200;

    private final MeetingSeriesRepository series;
    private final Schools schools;
    private final Accounts users;
    private final CovenantRules covenant;

    public SeriesPlanning(MeetingSeriesRepository series, Schools schools, Accounts users,
                          CovenantRules covenant) {
        this.series = series;
        this.schools = schools;
        this.users = users;
        this.covenant = covenant;
    }

    /** What the chair fills in. */
    public record NewSeries(@Nullable MeetingType type, @Nullable String name, @Nullable Long schoolId,
                            @Nullable Integer everyWeeks, @Nullable String location, @Nullable List<Long> participantIds) {
    }

    @Transactional
    public MeetingSeries create(Viewer viewer, NewSeries input) {
        if (input.type() == null) {
            throw new InvalidInputException("type", "Kies het soort overleg.");
        }
        CovenantRules.MeetingTypeRule rule = covenant.meeting(input.type());
        if (!rule.chairRoles().contains(viewer.role())) {
            throw new InvalidInputException("type", "Een " + rule.label() + " wordt voorgezeten door een andere rol dan de uwe.");
        }
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.length() > NAME_MAX) {
            throw new InvalidInputException("name", "Geef het overleg een naam (hooguit " + NAME_MAX + " tekens).");
        }
        InputRules.requireText("name", name, NAME_MAX);
        if (series.findByName(name).isPresent()) {
            throw new InvalidInputException("name", "Er is al een overleg met deze naam.");
        }
        Long schoolId = null;
        Long partnershipId = null;
        if (input.type() == MeetingType.THUISZITTERSTAFEL) {
            if (viewer.partyType() != PartyType.PARTNERSHIP) {
                throw new InvalidInputException("type", "De thuiszitterstafel hoort bij het samenwerkingsverband.");
            }
            partnershipId = viewer.partyId();
        } else {
            School school = input.schoolId() == null ? null : schools.findById(input.schoolId()).orElse(null);
            if (school == null || !viewer.worksAt(school.id())) {
                throw new InvalidInputException("schoolId", "Kies een van uw eigen scholen.");
            }
            if (!rule.sectors().contains(school.sector())) {
                throw new InvalidInputException("schoolId", "Een " + rule.label() + " wordt gehouden in " + rule.sectors()
                        + ", niet in " + school.sector() + ".");
            }
            schoolId = school.id();
        }
        int weeks = input.everyWeeks() == null ? rule.everyWeeks().getFirst() : input.everyWeeks();
        int longest = rule.everyWeeks().stream().mapToInt(Integer::intValue).max().orElseThrow();
        boolean allowed = rule.everyWeeks().contains(weeks) || (rule.moreOftenAllowed() && weeks > 0 && weeks < longest);
        if (!allowed) {
            throw new InvalidInputException("everyWeeks", "Het convenant houdt voor dit overleg een ritme van " + rule.everyWeeks()
                    + " weken aan" + (rule.moreOftenAllowed() ? " (of vaker)" : "") + ".");
        }
        Set<Long> participants = new LinkedHashSet<>(input.participantIds() == null ? List.of() : input.participantIds());
        participants.remove(viewer.userId());
        for (Long id : participants) {
            UserAccount user = users.findById(id).orElseThrow(() -> new InvalidInputException("participantIds", "Onbekende deelnemer."));
            if (!rule.rolesAtTable().contains(user.role())) {
                throw new InvalidInputException("participantIds", user.displayName() + " heeft een rol die niet aan deze tafel zit.");
            }
        }
        String location = input.location() == null || input.location().isBlank() ? null
                : InputRules.requireText("location", input.location().strip(), 300);
        MeetingSeries saved = series.save(new MeetingSeries(null, input.type(), name, schoolId, partnershipId, viewer.userId(), weeks, location));
        series.addParticipant(saved.id(), viewer.userId());
        participants.forEach(id -> series.addParticipant(saved.id(), id));
        return saved;
    }

    /** The accounts that may sit at a table of this type (for choosing participants). */
    @Transactional(readOnly = true)
    public List<UserAccount> eligibleParticipants(MeetingType type) {
        Set<nl.casustafel.covenant.Role> roles = covenant.meeting(type).rolesAtTable();
        return users.listOrderByDisplayName().stream().filter(u -> u.active() && roles.contains(u.role())).toList();
    }
}
