package nl.casustafel.covenant;

import io.micronaut.core.annotation.Nullable;
import nl.casustafel.school.Sector;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The covenant as the code applies it, read from {@code config/covenants/*.yaml}: meeting settings,
 * the thuiszitterstafel table, the case fields per party type, and the consent age bands.
 */
public record CovenantRules(String code,
                            String name,
                            String version,
                            LocalDate signedOn,
                            int initialTermYears,
                            int renewalTermYears,
                            Map<MeetingType, MeetingTypeRule> meetingTypes,
                            Map<String, ThuiszitterReason> reasons,
                            List<CaseField> caseFields,
                            Set<PupilField> pseudonymousView,
                            Set<PupilField> identifiedView,
                            List<ConsentAgeBand> consentAgeBands,
                            Map<DuoReportKind, String> duoReportKinds) {

    public MeetingTypeRule meeting(MeetingType type) {
        return meetingTypes.get(type);
    }

    public Optional<ThuiszitterReason> reason(String code) {
        return Optional.ofNullable(code).map(reasons::get);
    }

    /** The pupil fields the case fields (art. 5.1) open to a party type. */
    public Set<PupilField> fieldsVisibleTo(PartyType type) {
        Set<PupilField> fields = EnumSet.noneOf(PupilField.class);
        for (CaseField field : caseFields) {
            if (field.visibleTo().contains(type) && !field.neverVisibleTo().contains(type)) {
                fields.addAll(field.fields());
            }
        }
        return fields;
    }

    /** The givers a consent needs for a pupil of this age. */
    public ConsentAgeBand consentBand(int age) {
        return consentAgeBands.stream().filter(b -> b.covers(age)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No consent age band covers age " + age));
    }

    /** Verzuimoverleg, SOT or thuiszitterstafel, with its settings from Bijlage 3. */
    public record MeetingTypeRule(MeetingType type, String label, String level, Set<Sector> sectors,
                                  Set<Role> rolesAtTable, Set<Role> chairRoles, List<Integer> everyWeeks,
                                  boolean moreOftenAllowed, String minutesPolicy, String parentsInformed,
                                  @Nullable String caseRole, @Nullable Integer duoReportWithinSchoolDays) {
    }

    /** A row of the thuiszitterstafel table: a reason and what each party type needs. */
    public record ThuiszitterReason(String code, String label, Map<PartyType, TableRule> rules) {
        public Optional<TableRule> ruleFor(PartyType type) {
            return Optional.ofNullable(rules.get(type));
        }
    }

    /** One of the allowed case fields of art. 5.1 (a–i) and the party types that may see it. */
    public record CaseField(String code, String letter, String label, String category, Set<PupilField> fields,
                            Set<PartyType> visibleTo, Set<PartyType> neverVisibleTo) {
    }

    /** Who must consent at an age: under 12 the parent, 12 to 16 both, from 16 the pupil. */
    public record ConsentAgeBand(int fromAge, @Nullable Integer toAgeExclusive, Set<ConsentGiver> givers) {
        public boolean covers(int age) {
            return age >= fromAge && (toAgeExclusive == null || age < toAgeExclusive);
        }
    }
}
