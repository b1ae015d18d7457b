package nl.casustafel.covenant;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import nl.casustafel.account.Role;
import nl.casustafel.platform.ConfigFiles;
import nl.casustafel.platform.YamlNode;
import nl.casustafel.school.Sector;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks the covenant file at start-up. A broken file stops the start with a message
 * naming the file, the line and the field; so does a file that would break a rule the platform
 * guarantees whatever the region (the BSN never to the samenwerkingsverband).
 */
@Factory
public class CovenantRulesLoader {

    @Context
    CovenantRules covenantRules(ConfigFiles config, @Value("${casustafel.covenant:covenants/dijkstreek.yaml}") String file) {
        return load(config.yaml(file));
    }

    @Context
    AbsenceThresholds absenceThresholds(ConfigFiles config, @Value("${casustafel.covenant:covenants/dijkstreek.yaml}") String file) {
        return thresholds(config.yaml(file));
    }

    /** The absence thresholds, the per-school late-arrival overrides and the school holidays. */
    public static AbsenceThresholds thresholds(YamlNode root) {
        YamlNode t = root.node("thresholds");
        Map<String, Integer> perSchool = new LinkedHashMap<>();
        for (YamlNode s : t.list("lateArrivalPerSchool")) {
            String brin = s.text("brin");
            if (!brin.matches("[0-9]{2}[A-Z]{2}")) {
                throw s.node("brin").error("is not a BRIN code (two digits, two capitals): '" + brin + "'");
            }
            if (perSchool.put(brin, positive(s, "reportToDuoAt")) != null) {
                throw s.node("brin").error("repeats school " + brin);
            }
        }
        Map<Sector, Integer> lastHour = new EnumMap<>(Sector.class);
        YamlNode day = t.node("schoolDay");
        for (Sector sector : Sector.values()) {
            int hour = positive(day, sector.name());
            if (hour > 16) {
                throw day.node(sector.name()).error("must be at most 16 hours");
            }
            lastHour.put(sector, hour);
        }
        List<AbsenceThresholds.Holiday> holidays = new ArrayList<>();
        for (YamlNode h : t.list("schoolHolidays")) {
            AbsenceThresholds.Holiday holiday = new AbsenceThresholds.Holiday(h.text("name"), h.date("from"), h.date("until"));
            if (holiday.until().isBefore(holiday.from())) {
                throw h.node("until").error("lies before 'from'");
            }
            holidays.add(holiday);
        }
        if (!t.text("relativeAbsenceComparison").equals("GTE") || !t.text("sickReportsComparison").equals("GTE")) {
            throw t.error("comparisons other than GTE are not supported");
        }
        return new AbsenceThresholds(positive(t, "relativeAbsenceHours"), positive(t, "relativeAbsenceWeeks"),
                positive(t, "sickReportsCount"), positive(t, "sickReportsWeeks"), positive(t, "consecutiveSickDays"),
                positive(t, "lateArrivalDefault"), positive(t.node("lateArrival"), "talkAt"), perSchool, lastHour, holidays);
    }

    public static CovenantRules load(YamlNode root) {
        YamlNode c = root.node("covenant");
        CovenantRules rules = new CovenantRules(c.text("code"), c.text("name"), c.text("version"), c.date("signedOn"),
                positive(c, "initialTermYears"), positive(c, "renewalTermYears"),
                meetingTypes(root), reasons(root), caseFields(root),
                enumSet(root.node("pseudonymousView"), PupilField.class),
                enumSet(root.node("identifiedView"), PupilField.class),
                consentBands(root), duoReportKinds(root));
        checkPlatformGuarantees(root, rules);
        return rules;
    }

    /** The verzuimoverleg's agreement "DUO report within n school days" (Bijlage 3.1); other types have none. */
    private static Integer duoReportWithinSchoolDays(YamlNode meeting, MeetingType type) {
        if (!meeting.has("followUp") || !meeting.node("followUp").has("duoReportWithinSchoolDays")) {
            if (type == MeetingType.VERZUIMOVERLEG) {
                throw meeting.error("needs followUp.duoReportWithinSchoolDays: the verzuimoverleg agrees DUO reports within school days");
            }
            return null;
        }
        YamlNode followUp = meeting.node("followUp");
        int days = followUp.integer("duoReportWithinSchoolDays");
        if (days < 1 || days > 10) {
            throw followUp.node("duoReportWithinSchoolDays").error("must be between 1 and 10 school days, not " + days);
        }
        return days;
    }

    private static Map<MeetingType, CovenantRules.MeetingTypeRule> meetingTypes(YamlNode root) {
        Map<MeetingType, CovenantRules.MeetingTypeRule> types = new EnumMap<>(MeetingType.class);
        for (YamlNode m : root.list("meetingTypes")) {
            MeetingType type = m.enumeration("code", MeetingType.class);
            Set<Role> atTable = EnumSet.noneOf(Role.class);
            m.list("rolesAtTable").forEach(r -> atTable.add(r.enumeration("role", Role.class)));
            YamlNode cadence = m.node("cadence");
            List<Integer> weeks = cadence.list("everyWeeks").stream().map(w -> Integer.parseInt(w.scalar())).toList();
            if (weeks.isEmpty()) {
                throw cadence.error("needs at least one value in everyWeeks");
            }
            String caseRole = m.optionalText("caseRole").filter(r -> !r.equals("none")).orElse(null);
            Integer duoReportDays = duoReportWithinSchoolDays(m, type);
            types.put(type, new CovenantRules.MeetingTypeRule(type, m.text("label"), m.text("level"),
                    enumSet(m.node("sectors"), Sector.class), atTable, enumSet(m.node("chairRoles"), Role.class),
                    weeks, cadence.bool("moreOftenAllowed"), m.text("minutesPolicy"), m.text("parentsInformed"), caseRole,
                    duoReportDays));
        }
        for (MeetingType type : MeetingType.values()) {
            if (!types.containsKey(type)) {
                throw root.node("meetingTypes").error("lacks meeting type " + type);
            }
        }
        return types;
    }

    private static Map<String, CovenantRules.ThuiszitterReason> reasons(YamlNode root) {
        YamlNode table = root.node("thuiszitterstafel");
        Map<String, CovenantRules.ThuiszitterReason> reasons = new LinkedHashMap<>();
        List<YamlNode> rows = new ArrayList<>(table.list("reasons"));
        rows.addAll(table.list("unlistedReasons"));
        for (YamlNode row : rows) {
            Map<PartyType, TableRule> rules = new EnumMap<>(PartyType.class);
            for (Map.Entry<String, YamlNode> cell : row.node("rules").entries()) {
                rules.put(cell.getValue().asEnumKey(cell.getKey(), PartyType.class), cell.getValue().asEnum(TableRule.class));
            }
            for (PartyType required : List.of(PartyType.YOUTH_HEALTH, PartyType.PARTNERSHIP, PartyType.MUNICIPALITY)) {
                if (!rules.containsKey(required)) {
                    throw row.node("rules").error("lacks a rule for " + required);
                }
            }
            String code = row.text("code");
            if (reasons.put(code, new CovenantRules.ThuiszitterReason(code, row.text("label"), rules)) != null) {
                throw row.node("code").error("repeats reason " + code);
            }
        }
        if (reasons.isEmpty()) {
            throw table.error("has no reasons");
        }
        return reasons;
    }

    private static List<CovenantRules.CaseField> caseFields(YamlNode root) {
        List<CovenantRules.CaseField> fields = new ArrayList<>();
        List<YamlNode> nodes = new ArrayList<>(root.list("caseFields"));
        nodes.addAll(root.list("consentGatedFields"));
        for (YamlNode f : nodes) {
            if (!f.has("pupilFields")) {
                continue; // a field the platform does not store as pupil data yet (e.g. art. 5.1 e-i: notes)
            }
            Set<PartyType> visibleTo = f.node("visibleTo").isList() ? enumSet(f.node("visibleTo"), PartyType.class) : EnumSet.noneOf(PartyType.class);
            Set<PartyType> never = f.has("neverVisibleTo") ? enumSet(f.node("neverVisibleTo"), PartyType.class) : EnumSet.noneOf(PartyType.class);
            fields.add(new CovenantRules.CaseField(f.text("code"), f.optionalText("letter").orElse(null), f.text("label"),
                    f.text("category"), enumSet(f.node("pupilFields"), PupilField.class), visibleTo, never));
        }
        return fields;
    }

    private static List<CovenantRules.ConsentAgeBand> consentBands(YamlNode root) {
        List<CovenantRules.ConsentAgeBand> bands = new ArrayList<>();
        int expectedFrom = 0;
        for (YamlNode b : root.node("consentAge").list("bands")) {
            int from = b.integer("fromAge");
            if (from != expectedFrom) {
                throw b.node("fromAge").error("must be " + expectedFrom + " so that the bands leave no age uncovered");
            }
            String to = b.text("toAgeExclusive");
            Integer toExclusive = to.equals("null") ? null : Integer.valueOf(to);
            Set<ConsentGiver> givers = enumSet(b.node("givers"), ConsentGiver.class);
            if (givers.isEmpty()) {
                throw b.node("givers").error("names no giver");
            }
            bands.add(new CovenantRules.ConsentAgeBand(from, toExclusive, givers));
            expectedFrom = toExclusive == null ? Integer.MAX_VALUE : toExclusive;
        }
        if (expectedFrom != Integer.MAX_VALUE) {
            throw root.node("consentAge").error("must end with a band without an upper age (toAgeExclusive: null)");
        }
        return bands;
    }

    private static Map<DuoReportKind, String> duoReportKinds(YamlNode root) {
        Map<DuoReportKind, String> kinds = new EnumMap<>(DuoReportKind.class);
        for (YamlNode k : root.list("absenceKinds")) {
            if (k.optionalText("productListed").filter("false"::equals).isPresent()) {
                continue;
            }
            kinds.put(k.enumeration("code", DuoReportKind.class), k.text("label"));
        }
        if (kinds.size() != DuoReportKind.values().length) {
            throw root.node("absenceKinds").error("must list every DUO report kind " + List.of(DuoReportKind.values()));
        }
        return kinds;
    }

    private static void checkPlatformGuarantees(YamlNode root, CovenantRules rules) {
        if (rules.fieldsVisibleTo(PartyType.PARTNERSHIP).contains(PupilField.BSN)) {
            throw root.node("caseFields").error("opens the BSN to the samenwerkingsverband; the platform never discloses it there");
        }
        for (PupilField field : rules.pseudonymousView()) {
            if (Set.of(PupilField.NAME, PupilField.BIRTH_DATE, PupilField.BSN, PupilField.ADDRESS, PupilField.HEALTH).contains(field)) {
                throw root.node("pseudonymousView").error("may not contain " + field + ": a pseudonymous pupil shows nothing that identifies");
            }
        }
    }

    private static int positive(YamlNode node, String field) {
        int value = node.integer(field);
        if (value <= 0) {
            throw node.node(field).error("must be more than 0");
        }
        return value;
    }

    private static <E extends Enum<E>> Set<E> enumSet(YamlNode list, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        for (YamlNode item : list.items()) {
            values.add(item.asEnum(type));
        }
        return values;
    }
}
