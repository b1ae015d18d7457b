package nl.casustafel.covenant;

import nl.casustafel.platform.ConfigException;
import nl.casustafel.platform.ConfigFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The covenant file is data; a broken one stops start-up with a message naming the line and the field. */
class CovenantFileTest {

    private static final Path DEMO = Path.of("config/covenants/dijkstreek.yaml");

    @TempDir
    Path dir;

    @Test
    void theDemoCovenantLoadsWithEveryMeetingTypeAndTheSixTableRows() {
        CovenantRules rules = CovenantRulesLoader.load(new ConfigFiles("config").yaml("covenants/dijkstreek.yaml"));
        assertEquals(3, rules.meetingTypes().size());
        assertEquals(java.util.List.of(6), rules.meeting(MeetingType.VERZUIMOVERLEG).everyWeeks());
        assertEquals(java.util.List.of(1, 2), rules.meeting(MeetingType.SOT).everyWeeks());
        assertEquals(TableRule.AFTER_DUO_OR_CONSENT,
                rules.reason("NO_SUITABLE_PLACE").orElseThrow().ruleFor(PartyType.MUNICIPALITY).orElseThrow());
        assertEquals(java.util.Set.of(ConsentGiver.PARENT, ConsentGiver.PUPIL), rules.consentBand(12).givers());
        assertEquals(java.util.Set.of(ConsentGiver.PUPIL), rules.consentBand(16).givers());
        assertEquals(java.util.Set.of(ConsentGiver.PARENT), rules.consentBand(11).givers());
    }

    @Test
    void anUnknownTableRuleNamesFileLineAndField() throws IOException {
        ConfigException e = brokenBy("AFTER_DUO_OR_CONSENT}", "AFTER_DUO_OR_TOESTEMMING}");
        assertTrue(e.getMessage().matches("config/covenants/broken\\.yaml:\\d+: field 'thuiszitterstafel\\.reasons\\[2]\\.rules\\.MUNICIPALITY' .*"),
                e.getMessage());
        int line = Integer.parseInt(e.getMessage().split(":")[1]);
        assertTrue(Files.readAllLines(dir.resolve("covenants/broken.yaml")).get(line - 1).contains("AFTER_DUO_OR_TOESTEMMING"));
    }

    @Test
    void aMissingFieldIsNamed() throws IOException {
        ConfigException e = brokenBy("  signedOn: 2024-09-01", "  signed: 2024-09-01");
        assertTrue(e.getMessage().contains("field 'covenant.signedOn' is missing"), e.getMessage());
    }

    @Test
    void aFileThatOpensTheBsnToThePartnershipIsRefused() throws IOException {
        ConfigException e = brokenBy("    visibleTo: [MUNICIPALITY, SCHOOL_BOARD]\n", "    visibleTo: [MUNICIPALITY, SCHOOL_BOARD, PARTNERSHIP]\n    neverVisibleTo: []\n");
        assertTrue(e.getMessage().contains("opens the BSN to the samenwerkingsverband"), e.getMessage());
    }

    @Test
    void consentBandsMustLeaveNoAgeUncovered() throws IOException {
        ConfigException e = brokenBy("{fromAge: 12, toAgeExclusive: 16", "{fromAge: 13, toAgeExclusive: 16");
        assertTrue(e.getMessage().contains("fromAge' must be 12"), e.getMessage());
    }

    @Test
    void theVerzuimoverlegTakesItsDuoReportTermFromTheFile() throws IOException {
        assertEquals(3, CovenantRulesLoader.load(new ConfigFiles("config").yaml("covenants/dijkstreek.yaml"))
                .meeting(MeetingType.VERZUIMOVERLEG).duoReportWithinSchoolDays());
        ConfigException e = brokenBy("      duoReportWithinSchoolDays: 3", "      duoReportWithinSchoolDays: 0");
        assertTrue(e.getMessage().matches("config/covenants/broken\\.yaml:\\d+: field 'meetingTypes\\[0]\\.followUp\\.duoReportWithinSchoolDays' must be between 1 and 10.*"),
                e.getMessage());
    }

    @Test
    void contentRulesThatLetHealthDataReachAPartyNoConsentNamesAreRefused() throws IOException {
        ConfigException e = brokenFor(() -> CovenantRulesLoader.content(new ConfigFiles(dir.toString()).yaml("covenants/broken.yaml")),
                "      when: {category: [HEALTH], viewerIsProvider: false, consentNamesViewer: false}\n      then: WITHHELD",
                "      when: {category: [HEALTH], viewerIsProvider: false, consentNamesViewer: false}\n      then: READABLE");
        assertTrue(e.getMessage().contains("let health data reach a party no consent names"), e.getMessage());
    }

    @Test
    void anUnknownContentConditionNamesFileLineAndField() throws IOException {
        ConfigException e = brokenFor(() -> CovenantRulesLoader.content(new ConfigFiles(dir.toString()).yaml("covenants/broken.yaml")),
                "when: {writtenUnder: IDENTIFIED, viewerSees: [PSEUDONYMOUS]}", "when: {writtenUnder: IDENTIFIED, viewerSeesAlias: true}");
        assertTrue(e.getMessage().matches("config/covenants/broken\\.yaml:\\d+: field 'contentRules\\.rules\\[4]\\.when\\.viewerSeesAlias' is not a condition.*"),
                e.getMessage());
        ConfigException noSource = brokenFor(() -> CovenantRulesLoader.content(new ConfigFiles(dir.toString()).yaml("covenants/broken.yaml")),
                "      source: \"004 art. 3.4c, 8.1 (de verstrekkende", "      source: \" \"\n      was: \"");
        assertTrue(noSource.getMessage().contains("source' is empty"), noSource.getMessage());
    }

    private ConfigException brokenFor(org.junit.jupiter.api.function.Executable load, String original, String replacement) throws IOException {
        String text = Files.readString(DEMO);
        assertTrue(text.contains(original), "fixture text present: " + original);
        Files.createDirectories(dir.resolve("covenants"));
        Files.writeString(dir.resolve("covenants/broken.yaml"), text.replaceFirst(java.util.regex.Pattern.quote(original),
                java.util.regex.Matcher.quoteReplacement(replacement)));
        return assertThrows(ConfigException.class, load);
    }

    private ConfigException brokenBy(String original, String replacement) throws IOException {
        String text = Files.readString(DEMO);
        assertTrue(text.contains(original), "fixture text present: " + original);
        Files.createDirectories(dir.resolve("covenants"));
        Files.writeString(dir.resolve("covenants/broken.yaml"), text.replaceFirst(java.util.regex.Pattern.quote(original),
                java.util.regex.Matcher.quoteReplacement(replacement)));
        return assertThrows(ConfigException.class,
                () -> CovenantRulesLoader.load(new ConfigFiles(dir.toString()).yaml("covenants/broken.yaml")));
    }
}
