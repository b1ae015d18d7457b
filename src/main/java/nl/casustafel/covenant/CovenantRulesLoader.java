package nl.casustafel.covenant;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
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

    @Context
    MonitoringRules monitoringRules(ConfigFiles config, @Value("${casustafel.covenant:covenants/dijkstreek.yaml}") String file) {
        return monitoring(config.yaml(file));
    }

    /** The monitoring section: the small-number threshold (at least 2: a threshold of 1 would hide nothing). */
    public static MonitoringRules monitoring(YamlNode root) {
        YamlNode m = root.node("monitoring");
        int threshold = positive(m, "smallNumberThreshold");
        if (threshold < 2) {
            throw m.node("smallNumberThreshold").error("must be at least 2");
        }
        return new MonitoringRules(threshold);
    }

    @Context
    ThuiszitterTerms thuiszitterTerms(ConfigFiles config, @Value("${casustafel.covenant:covenants/dijkstreek.yaml}") String file) {
        return thuiszitterTerms(config.yaml(file));
    }

    /**
     * The terms of the thuiszitter's timeline. Refuses a file whose figures are not positive, whose escalation
     * names nobody, whose timeline category is not a data category of the file (or is HEALTH, which needs
     * consent), or whose reasons to leave the list are not afschaling reasons.
     */
    public static ThuiszitterTerms thuiszitterTerms(YamlNode root) {
        YamlNode t = root.node("thuiszitterTerms");
        String escalateTo = t.text("escalateTo").strip();
        if (escalateTo.isEmpty()) {
            throw t.node("escalateTo").error("is empty: the table is told to whom the case is due");
        }
        Set<String> categories = new java.util.HashSet<>();
        root.list("dataCategories").forEach(c -> categories.add(c.text("code")));
        String category = t.text("timelineCategory");
        if (!categories.contains(category) || category.equals("HEALTH") || category.equals("BSN")) {
            throw t.node("timelineCategory").error("must be a data category of the file other than HEALTH and BSN, not '" + category + "'");
        }
        Set<String> leave = new java.util.LinkedHashSet<>();
        Set<String> reasons = Set.of("BACK_IN_EDUCATION", "IN_WORK", "MOVED", "OTHER");
        for (YamlNode r : t.node("leaveListWhen").items()) {
            if (!reasons.contains(r.scalar())) {
                throw r.error("is not an afschaling reason " + reasons);
            }
            leave.add(r.scalar());
        }
        return new ThuiszitterTerms(positive(t, "thuiszitterAfterWeeksWithoutExemption"), t.text("thuiszitterSource"),
                positive(t, "escalateAfterMonthsWithoutOffer"), escalateTo, t.text("escalateSource"), category, leave);
    }

    @Context
    ContentRules contentRules(ConfigFiles config, @Value("${casustafel.covenant:covenants/dijkstreek.yaml}") String file) {
        return content(config.yaml(file));
    }

    /**
     * The rules for case content ({@code contentRules}), with the data categories they name. Refuses a
     * file whose rules would let health data reach a party no consent names, or let text written under
     * the name reach someone who sees only the alias: both are checked by running the rules on those cases.
     */
    public static ContentRules content(YamlNode root) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (YamlNode c : root.list("dataCategories")) {
            if (c.optionalText("restricted").filter("true"::equals).isEmpty()) {
                labels.put(c.text("code"), c.text("label"));
            }
        }
        Map<String, Set<PartyType>> visibleTo = new LinkedHashMap<>();
        for (YamlNode f : root.list("caseFields")) {
            Set<PartyType> parties = EnumSet.noneOf(PartyType.class);
            parties.addAll(enumSet(f.node("visibleTo"), PartyType.class));
            if (f.has("neverVisibleTo")) {
                parties.removeAll(enumSet(f.node("neverVisibleTo"), PartyType.class));
            }
            List<String> categories = new ArrayList<>(List.of(f.text("category")));
            f.list("fields").forEach(sub -> categories.add(sub.text("category")));
            categories.forEach(cat -> visibleTo.computeIfAbsent(cat, k -> EnumSet.noneOf(PartyType.class)).addAll(parties));
        }
        Set<String> gated = new java.util.LinkedHashSet<>();
        for (YamlNode f : root.list("consentGatedFields")) {
            if (!f.text("visibleTo").equals("CONSENT_SCOPE")) {
                throw f.node("visibleTo").error("must be CONSENT_SCOPE: consent-gated data goes only to the parties a consent names");
            }
            gated.add(category(f.node("category"), labels));
        }
        YamlNode node = root.node("contentRules");
        List<ContentRules.Rule> rules = new ArrayList<>();
        Set<String> codes = new java.util.HashSet<>();
        for (YamlNode r : node.list("rules")) {
            ContentRules.Rule rule = contentRule(r, condition(r.node("when"), labels));
            if (!codes.add(rule.code())) {
                throw r.node("code").error("repeats rule " + rule.code());
            }
            rules.add(rule);
        }
        YamlNode otherwise = node.node("otherwise");
        ContentRules.Rule fallback = contentRule(otherwise, ContentRules.Condition.ALWAYS);
        Map<PartyType, String> byParty = new EnumMap<>(PartyType.class);
        YamlNode defaults = node.node("defaultCategory");
        for (Map.Entry<String, YamlNode> e : defaults.node("byPartyType").entries()) {
            byParty.put(e.getValue().asEnumKey(e.getKey(), PartyType.class), category(e.getValue(), labels));
        }
        YamlNode fixed = node.node("fixedCategories");
        ContentRules content = new ContentRules(rules, fallback, labels, visibleTo, gated, byParty,
                category(defaults.node("otherwise"), labels), category(fixed.node("outcome"), labels),
                category(fixed.node("action"), labels), category(fixed.node("registration"), labels));
        checkContentGuarantees(node, content);
        return content;
    }

    private static void checkContentGuarantees(YamlNode node, ContentRules content) {
        if (!content.consentGatedCategories().contains("HEALTH")) {
            throw node.error("needs HEALTH among the consentGatedFields: health data only with consent");
        }
        ContentRules.Rule health = content.decide(new ContentRules.Facts(true, "IDENTIFIED", "IDENTIFIED", "CONSENT", "HEALTH",
                false, false, false, true));
        if (health.readable()) {
            throw node.node("rules").error("let health data reach a party no consent names (rule " + health.code() + ")");
        }
        ContentRules.Rule alias = content.decide(new ContentRules.Facts(true, "PSEUDONYMOUS", "IDENTIFIED", "ENROLMENT", "SUPPORT",
                false, false, true, true));
        if (alias.readable()) {
            throw node.node("rules").error("let text written under the name reach someone who sees only the alias (rule " + alias.code() + ")");
        }
    }

    private static ContentRules.Rule contentRule(YamlNode r, ContentRules.Condition when) {
        String then = r.text("then");
        if (!then.equals("READABLE") && !then.equals("WITHHELD")) {
            throw r.node("then").error("must be READABLE or WITHHELD, not '" + then + "'");
        }
        String reason = r.text("reason").strip();
        String source = r.text("source").strip();
        if (reason.isEmpty()) {
            throw r.node("reason").error("is empty: a viewer is told why content is withheld");
        }
        if (source.isEmpty()) {
            throw r.node("source").error("is empty: every content rule names its article");
        }
        return new ContentRules.Rule(r.optionalText("code").orElse("OTHERWISE"), when, then.equals("READABLE"), reason, source);
    }

    private static ContentRules.Condition condition(YamlNode when, Map<String, String> labels) {
        Set<String> known = Set.of("aboutPupil", "viewerSees", "writtenUnder", "writerBasis", "category", "viewerIsProvider",
                "viewerIsAssignee", "consentNamesViewer", "categoryOpenToViewer");
        for (Map.Entry<String, YamlNode> e : when.entries()) {
            if (!known.contains(e.getKey())) {
                throw e.getValue().error("is not a condition the platform knows: " + new java.util.TreeSet<>(known));
            }
        }
        Set<String> categories = null;
        if (when.has("category")) {
            categories = new java.util.LinkedHashSet<>();
            for (YamlNode c : when.node("category").items()) {
                categories.add(category(c, labels));
            }
        }
        String writtenUnder = when.optionalText("writtenUnder").orElse(null);
        if (writtenUnder != null && !ContentRules.WRITTEN_UNDER.contains(writtenUnder)) {
            throw when.node("writtenUnder").error("must be one of " + ContentRules.WRITTEN_UNDER + ", not '" + writtenUnder + "'");
        }
        return new ContentRules.Condition(flag(when, "aboutPupil"), values(when, "viewerSees", ContentRules.VIEWER_SEES),
                writtenUnder, values(when, "writerBasis", ContentRules.WRITER_BASES), categories, flag(when, "viewerIsProvider"),
                flag(when, "viewerIsAssignee"), flag(when, "consentNamesViewer"), flag(when, "categoryOpenToViewer"));
    }

    private static Boolean flag(YamlNode when, String field) {
        return when.has(field) ? when.bool(field) : null;
    }

    private static Set<String> values(YamlNode when, String field, Set<String> allowed) {
        if (!when.has(field)) {
            return null;
        }
        Set<String> values = new java.util.LinkedHashSet<>();
        for (YamlNode v : when.node(field).items()) {
            if (!allowed.contains(v.scalar())) {
                throw v.error("'" + v.scalar() + "' is not one of " + new java.util.TreeSet<>(allowed));
            }
            values.add(v.scalar());
        }
        return values;
    }

    private static String category(YamlNode value, Map<String, String> labels) {
        String code = value.scalar();
        if (!labels.containsKey(code)) {
            throw value.error("'" + code + "' is not one of the dataCategories " + labels.keySet());
        }
        return code;
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
