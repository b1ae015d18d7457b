package nl.casustafel.meeting;

import nl.casustafel.platform.NotFoundException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.account.Viewer;
import nl.casustafel.consent.ConsentMethod;
import nl.casustafel.consent.ConsentService;
import nl.casustafel.covenant.DuoReportKind;
import nl.casustafel.covenant.MeetingType;
import nl.casustafel.covenant.PartyRepository;
import nl.casustafel.duo.DuoReportService;
import nl.casustafel.platform.ClockFactory;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.privacy.Disclosure;
import nl.casustafel.privacy.PupilView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

import java.time.LocalDate;
import java.util.List;

import static nl.casustafel.meeting.MeetingFixtures.DIJKSTAD;
import static nl.casustafel.meeting.MeetingFixtures.DIJKSTAD_COLLEGE;
import static nl.casustafel.meeting.MeetingFixtures.VEENHOVEN;
import static nl.casustafel.meeting.MeetingFixtures.VEENHOVEN_LYCEUM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The meeting rules against PostgreSQL and the demo people: who may put which pupil on which agenda,
 * the follow-up of agreed actions, notes under alias or name, and the optimistic save of the outcome.
 * Every test works on a table (meeting series) of its own, cloned from a demo table.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingServiceTest implements CasustafelTestProperties {

    private static final String CJG = "CJG Dijkstreek (JGZ)";
    private static final String SWV = "Samenwerkingsverband Passend Onderwijs Dijkstreek";
    private static final String ANKER = "Jeugdhulp Het Anker";

    @Inject
    MeetingService meetings;
    @Inject
    MeetingActions actions;
    @Inject
    DuoReportFollowUp duoFollowUp;
    @Inject
    AgendaNotes notes;
    @Inject
    MeetingPlanning planning;
    @Inject
    AgendaRegistration registration;
    @Inject
    MeetingQueries queries;
    @Inject
    MeetingFixtures fixtures;
    @Inject
    DuoReportService duoReports;
    @Inject
    ConsentService consents;
    @Inject
    PartyRepository parties;
    @Inject
    SchoolDays schoolDays;

    // ---------------------------------------------------------------- verzuimoverleg

    @Test
    void careCoordinatorPutsAPupilOfTheOwnSchoolOnTheVerzuimoverlegAndTheOfficerSeesTheAlias() {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        Meeting meeting = fixtures.planNextWeek(table);
        long pupil = fixtures.freshPupil(DIJKSTAD_COLLEGE, DIJKSTAD);

        AgendaRegistration.Registered registered = registration.register(school(), meeting.id(), AgendaRegistration.Registration.of(pupil));

        assertEquals(List.of(), registered.warnings());
        assertEquals(1, registered.item().position());
        assertEquals(school().userId(), registered.item().registeredBy());
        PupilView seen = only(meetings.agenda(officer(), meeting.id())).pupil();
        assertEquals(Disclosure.PSEUDONYMOUS, seen.disclosure());
        assertEquals("Leerling 1", seen.alias());
        assertNull(seen.name());
        assertNull(seen.birthDate());
        assertRefused("pupilId", () -> registration.register(school(), meeting.id(), AgendaRegistration.Registration.of(pupil)));
    }

    @Test
    void onlyTheCareCoordinatorOfTheSchoolRegistersOnlyOwnSchoolPupilsAtTheVerzuimoverleg() {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        Meeting meeting = fixtures.planNextWeek(table);

        // The officer sits at the table and sees this pupil by name (DUO report, sworn for Dijkstad), yet may not register.
        long reported = fixtures.freshPupil(DIJKSTAD_COLLEGE, DIJKSTAD);
        recordDuoReport(reported, "DUO-MTG-0001");
        assertRefused("pupilId", () -> registration.register(officer(), meeting.id(), AgendaRegistration.Registration.of(reported)));
        long other = fixtures.freshPupil(DIJKSTAD_COLLEGE, DIJKSTAD);
        assertRefused("pupilId", () -> registration.register(nurse(), meeting.id(), AgendaRegistration.Registration.of(other)));

        // The care coordinator of another school: not at this table; and once seated, still not with own pupils.
        long veenhovenPupil = fixtures.freshPupil(VEENHOVEN_LYCEUM, VEENHOVEN);
        Viewer otherSchool = fixtures.viewer("zorg.veenhoven");
        assertThrows(NotFoundException.class, () -> registration.register(otherSchool, meeting.id(), AgendaRegistration.Registration.of(veenhovenPupil))); // not at this table: as if there were no such meeting
        fixtures.addParticipant(table, "zorg.veenhoven");
        assertRefused("pupilId", () -> registration.register(otherSchool, meeting.id(), AgendaRegistration.Registration.of(veenhovenPupil)));

        assertTrue(meetings.agenda(school(), meeting.id()).isEmpty(), "nothing refused reached the agenda");
        registration.register(school(), meeting.id(), AgendaRegistration.Registration.of(reported));
        assertEquals(1, meetings.agenda(school(), meeting.id()).size());
    }

    // ---------------------------------------------------------------- SOT

    @Test
    void theSotAsksForAHulpvraag() {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.SOT);
        Meeting meeting = fixtures.planNextWeek(table);
        long pupil = fixtures.freshPupil(VEENHOVEN_LYCEUM, VEENHOVEN);
        assertRefused("hulpvraag", () -> registration.register(sotChair(), meeting.id(), sot(pupil, "  ")));
        assertRefused("hulpvraag", () -> registration.register(sotChair(), meeting.id(), AgendaRegistration.Registration.of(pupil)));
        assertTrue(meetings.agenda(sotChair(), meeting.id()).isEmpty());
    }

    @Test
    void theSotWarnsWhichPartiesHaveNoConsentForThisHulpvraag() {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.SOT);
        Meeting first = fixtures.planNextWeek(table);
        long pupil = fixtures.freshPupil(VEENHOVEN_LYCEUM, VEENHOVEN);
        consents.record(sotChair(), pupil, new ConsentService.NewConsent(parties.findByName(CJG).orElseThrow().id(), MeetingType.SOT,
                "Faalangst bij toetsen", List.of("IDENTITY", "ABSENCE"), true, true, "J. Ouder", ConsentMethod.WRITTEN,
                LocalDate.now(ClockFactory.AMSTERDAM).minusDays(1), null));

        List<String> withConsent = registration.register(sotChair(), first.id(), sot(pupil, "faalangst bij toetsen")).warnings();
        assertEquals(1, withConsent.size(), withConsent.toString());
        assertFalse(withConsent.getFirst().contains(CJG), "the CJG has consent for this hulpvraag: " + withConsent);
        assertTrue(withConsent.getFirst().contains(SWV) && withConsent.getFirst().contains(ANKER), withConsent.toString());

        Meeting second = planning.planNext(sotChair(), table.id());
        List<String> newHulpvraag = registration.register(sotChair(), second.id(), sot(pupil, "Zorgen over de thuissituatie")).warnings();
        assertEquals(1, newHulpvraag.size(), newHulpvraag.toString());
        assertTrue(newHulpvraag.getFirst().startsWith("Er is nog geen toestemming voor deze hulpvraag voor: "), newHulpvraag.getFirst());
        assertTrue(newHulpvraag.getFirst().contains(CJG), "a new hulpvraag needs new consent: " + newHulpvraag);
    }

    /**
     * Known issue, left for the owner of MeetingService: the warning says the CJG will see the pupil
     * under the alias for the new hulpvraag, but disclosure at the table follows the hulpvraag stored
     * on the table's case list (series_case, written once by addCase ... ON CONFLICT DO NOTHING), so
     * the consent for the earlier hulpvraag keeps identifying the pupil.
     */
    @Test
    void afterANewHulpvraagTheCjgSeesTheAliasUntilNewConsent() {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.SOT);
        Meeting first = fixtures.planNextWeek(table);
        long pupil = fixtures.freshPupil(VEENHOVEN_LYCEUM, VEENHOVEN);
        consents.record(sotChair(), pupil, new ConsentService.NewConsent(parties.findByName(CJG).orElseThrow().id(), MeetingType.SOT,
                "Faalangst bij toetsen", List.of("IDENTITY", "ABSENCE"), true, true, "J. Ouder", ConsentMethod.WRITTEN,
                LocalDate.now(ClockFactory.AMSTERDAM).minusDays(1), null));
        registration.register(sotChair(), first.id(), sot(pupil, "Faalangst bij toetsen"));
        assertEquals(Disclosure.IDENTIFIED, only(meetings.agenda(nurse(), first.id())).pupil().disclosure());

        Meeting second = planning.planNext(sotChair(), table.id());
        List<String> warnings = registration.register(sotChair(), second.id(), sot(pupil, "Zorgen over de thuissituatie")).warnings();
        assertTrue(warnings.getFirst().contains(CJG), warnings.toString());
        assertEquals(Disclosure.PSEUDONYMOUS, only(meetings.agenda(nurse(), second.id())).pupil().disclosure(),
                "the warning promised the alias until consent for the new hulpvraag is recorded");
    }

    // ---------------------------------------------------------------- thuiszitterstafel

    @Test
    void theThuiszitterstafelAsksACovenantReasonTheThreeChecksAndWhoInformedTheParents() {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.THUISZITTERSTAFEL);
        Meeting meeting = fixtures.planNextWeek(table);
        long pupil = fixtures.freshPupil(DIJKSTAD_COLLEGE, DIJKSTAD);
        Viewer school = school(); // registers without sitting at the thuiszitterstafel
        String informedBy = "Marieke de Vries (zorgcoördinator)";

        assertRefused("reason", () -> registration.register(school, meeting.id(), tzt(pupil, null, true, true, true, informedBy)));
        assertRefused("reason", () -> registration.register(school, meeting.id(), tzt(pupil, "SPIJBELEN", true, true, true, informedBy)));
        assertRefused("checks", () -> registration.register(school, meeting.id(), tzt(pupil, "NO_SUITABLE_PLACE", true, null, true, informedBy)));
        assertRefused("checks", () -> registration.register(school, meeting.id(), tzt(pupil, "NO_SUITABLE_PLACE", null, false, false, informedBy)));
        assertRefused("parentsInformedBy", () -> registration.register(school, meeting.id(), tzt(pupil, "NO_SUITABLE_PLACE", false, false, true, " ")));

        AgendaRegistration.Registered registered = registration.register(school, meeting.id(),
                tzt(pupil, "NO_SUITABLE_PLACE", false, false, true, informedBy));
        assertEquals(List.of(), registered.warnings());
        assertEquals("NO_SUITABLE_PLACE", registered.item().reason());
        assertEquals(Boolean.FALSE, registered.item().consentGiven());
        assertEquals(Boolean.TRUE, registered.item().parentsKnowCjgAsks());
        assertEquals(informedBy, registered.item().parentsInformedBy());
        PupilView atTable = only(meetings.agenda(fixtures.viewer("swv.coordinator"), meeting.id())).pupil();
        assertEquals(Disclosure.PSEUDONYMOUS, atTable.disclosure(), "no notification naming the SWV yet");
        assertThrows(NotFoundException.class, () -> meetings.agenda(school, meeting.id())); // not at this table: as if there were no such meeting
    }

    // ---------------------------------------------------------------- follow-up

    @Test
    void anActionAgreedInOneMeetingComesBackOnTheNextAgendaUntilDone() {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        Meeting first = fixtures.planNextWeek(table);
        long pupil = fixtures.freshPupil(DIJKSTAD_COLLEGE, DIJKSTAD);
        AgendaItem item = registration.register(school(), first.id(), AgendaRegistration.Registration.of(pupil)).item();
        LocalDate today = LocalDate.now(ClockFactory.AMSTERDAM);
        MeetingAction action = actions.addAction(school(), item.id(), "Huisbezoek afleggen", officer().userId(), today.plusDays(10),
                MeetingAction.Kind.GENERAL);
        Meeting next = planning.planNext(school(), table.id());

        assertEquals(List.of(action.id()), ids(actions.openActionsAt(school(), table.id())));
        assertTrue(ids(actions.openActionsOf(officer())).contains(action.id()));
        MeetingViews.MeetingDetail nextMeeting = queries.detail(school(), next.id());
        assertEquals(List.of(action.id()), nextMeeting.carriedOver().stream().map(MeetingViews.Action::id).toList());
        assertEquals("Huisbezoek afleggen", nextMeeting.carriedOver().getFirst().what());
        MeetingViews.MeetingDetail firstMeeting = queries.detail(school(), first.id());
        assertEquals(List.of(action.id()), firstMeeting.actions().stream().map(MeetingViews.Action::id).toList());
        assertTrue(firstMeeting.carriedOver().isEmpty(), "agreed in this meeting, not carried over into it");

        assertRefused("actionId", () -> actions.complete(school(), action.id()));
        MeetingAction done = actions.complete(officer(), action.id());
        assertEquals(today, done.doneOn());
        assertTrue(actions.openActionsAt(school(), table.id()).isEmpty());
        assertFalse(ids(actions.openActionsOf(officer())).contains(action.id()));
        assertTrue(queries.detail(school(), next.id()).carriedOver().isEmpty());
    }

    @Test
    void theDuoReportAgreementIsDueInThreeSchoolDaysAndDoneWhenTheReportIsRecorded() {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        Meeting meeting = fixtures.planNextWeek(table);
        long pupil = fixtures.freshPupil(DIJKSTAD_COLLEGE, DIJKSTAD);
        AgendaItem item = registration.register(school(), meeting.id(), AgendaRegistration.Registration.of(pupil)).item();
        LocalDate today = LocalDate.now(ClockFactory.AMSTERDAM);

        assertRefused("ownerId", () -> actions.addAction(school(), item.id(), "Melden bij DUO", officer().userId(), null,
                MeetingAction.Kind.DUO_REPORT));
        MeetingAction agreed = actions.addAction(officer(), item.id(), "School meldt bij DUO", school().userId(), null,
                MeetingAction.Kind.DUO_REPORT);
        assertEquals(schoolDays.plus(today, 3), agreed.dueOn());
        assertEquals(agreed.dueOn(), duoFollowUp.dueOn());
        assertTrue(agreed.open());
        assertRefused("actionId", () -> actions.complete(school(), agreed.id()));

        recordDuoReport(pupil, "DUO-MTG-0002");

        MeetingAction done = meetings.actionsOfMeeting(meeting.id()).getFirst();
        assertEquals(agreed.id(), done.id());
        assertEquals(today, done.doneOn());
        assertFalse(done.overdue(done.dueOn().plusDays(30)));
        assertTrue(actions.openActionsAt(school(), table.id()).isEmpty());
    }

    @Test
    void theDuoReportAgreementBelongsToTheVerzuimoverleg() {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.SOT);
        Meeting meeting = fixtures.planNextWeek(table);
        long pupil = fixtures.freshPupil(VEENHOVEN_LYCEUM, VEENHOVEN);
        AgendaItem item = registration.register(sotChair(), meeting.id(), sot(pupil, "Onderzoek naar dyslexie")).item();
        assertRefused("kind", () -> actions.addAction(sotChair(), item.id(), "Melden bij DUO", sotChair().userId(), null,
                MeetingAction.Kind.DUO_REPORT));
    }

    @Test
    void schoolDaysSkipTheWeekendAndTheHolidaysAndAnOpenActionIsOverdueTheDayAfterItsDueDate() {
        LocalDate friday = LocalDate.of(2026, 11, 27);
        assertEquals(LocalDate.of(2026, 12, 2), schoolDays.plus(friday, 3));
        assertEquals(LocalDate.of(2026, 11, 30), schoolDays.plus(LocalDate.of(2026, 11, 28), 1));
        assertEquals(LocalDate.of(2026, 11, 26), schoolDays.plus(LocalDate.of(2026, 11, 25), 1));
        assertEquals(LocalDate.of(2026, 10, 28), schoolDays.plus(LocalDate.of(2026, 10, 16), 3), "the herfstvakantie does not count");

        MeetingAction open = new MeetingAction(1L, 1L, 1L, 1L, 1L, MeetingAction.Kind.DUO_REPORT, "Melden", 1L,
                LocalDate.of(2026, 12, 2), null, 1L, null, 1L, nl.casustafel.privacy.WriterBasis.ENROLMENT, null, "INTERVENTIONS");
        assertFalse(open.overdue(LocalDate.of(2026, 12, 2)), "due today is not overdue");
        assertTrue(open.overdue(LocalDate.of(2026, 12, 3)));
        MeetingAction done = open.doneOn(LocalDate.of(2026, 12, 4));
        assertFalse(done.overdue(LocalDate.of(2026, 12, 5)), "a done action is never overdue");
    }

    // ---------------------------------------------------------------- notes

    @Test
    void aNoteUnderTheAliasIsSharedAndANoteUnderTheNameStaysWithThoseWhoSeeTheName() {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        Meeting meeting = fixtures.planNextWeek(table);
        long pupil = fixtures.freshPupil(DIJKSTAD_COLLEGE, DIJKSTAD); // no DUO report: the officer sees the alias
        AgendaItem item = registration.register(school(), meeting.id(), AgendaRegistration.Registration.of(pupil)).item();

        AgendaNote byOfficer = notes.addNote(officer(), item.id(), "Leerplicht neemt contact op met ouders.");
        AgendaNote bySchool = notes.addNote(school(), item.id(), "Zus zit in klas 3B; gesprek met mentor gepland.");
        assertEquals(Disclosure.PSEUDONYMOUS, byOfficer.writtenUnder());
        assertEquals(Disclosure.IDENTIFIED, bySchool.writtenUnder());

        // Through MeetingQueries: MeetingService.notes alone fails for an identified reader (see the disabled test below).
        List<MeetingViews.Note> forSchool = queries.notes(school(), item.id());
        assertEquals(List.of(byOfficer.id(), bySchool.id()), forSchool.stream().map(MeetingViews.Note::id).toList());
        assertEquals("Peter Jansen", forSchool.getFirst().author());
        assertEquals("Gemeente Dijkstad", forSchool.getFirst().party());
        assertEquals(Disclosure.PSEUDONYMOUS, forSchool.getFirst().writtenUnder());
        List<AgendaContent.NoteView> forOfficer = meetings.notes(officer(), item.id());
        assertEquals(List.of(byOfficer.id()), forOfficer.stream().map(n -> n.note().id()).toList());

        assertRefused("text", () -> notes.addNote(officer(), item.id(), "   "));
        assertThrows(NotFoundException.class, () -> meetings.notes(fixtures.viewer("zorg.veenhoven"), item.id())); // not at this table: as if there were no such meeting
    }

    /**
     * Known issue, left for the owner of MeetingService: notes() is {@code @Transactional(readOnly = true)},
     * but reading the pupil by name writes the access log, which PostgreSQL refuses in a read-only
     * transaction ("cannot execute INSERT in a read-only transaction"). The API reads notes through
     * MeetingQueries.notes, a read-write transaction the service call joins.
     */
    @Test
    void aCareCoordinatorReadsTheNotesThroughTheServiceItself() {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        Meeting meeting = fixtures.planNextWeek(table);
        long pupil = fixtures.freshPupil(DIJKSTAD_COLLEGE, DIJKSTAD);
        AgendaItem item = registration.register(school(), meeting.id(), AgendaRegistration.Registration.of(pupil)).item();
        AgendaNote note = notes.addNote(school(), item.id(), "Gesprek met mentor gepland.");
        assertEquals(List.of(note.id()), meetings.notes(school(), item.id()).stream().map(n -> n.note().id()).toList());
    }

    // ---------------------------------------------------------------- outcome

    @Test
    void twoSavesOfTheOutcomeFromTheSameVersionOnlyTheFirstWins() {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        Meeting meeting = fixtures.planNextWeek(table);
        long pupil = fixtures.freshPupil(DIJKSTAD_COLLEGE, DIJKSTAD);
        AgendaItem item = registration.register(school(), meeting.id(), AgendaRegistration.Registration.of(pupil)).item();
        int read = item.version();

        AgendaItem saved = notes.updateOutcome(school(), item.id(), read, "Gesprek met ouders binnen twee weken.", officer().userId());
        assertEquals(read + 1, saved.version());
        InvalidInputException refused = assertRefused("outcome",
                () -> notes.updateOutcome(school(), item.id(), read, "Afwachten.", null));
        assertTrue(refused.getMessage().startsWith("Iemand anders heeft de uitkomst intussen aangepast."), refused.getMessage());

        AgendaItem stored = only(meetings.agenda(school(), meeting.id())).item();
        assertEquals("Gesprek met ouders binnen twee weken.", stored.outcome());
        assertEquals(officer().userId(), stored.caseManagerId());
        assertEquals(saved.version(), stored.version());
        assertRefused("outcome", () -> notes.updateOutcome(officer(), item.id(), saved.version(), "Afwachten.", null));
        assertRefused("caseManagerId", () -> notes.updateOutcome(school(), item.id(), saved.version(), "Afwachten.",
                fixtures.viewer("zorg.veenhoven").userId()));
    }

    // ---------------------------------------------------------------- helpers

    private void recordDuoReport(long pupil, String reference) {
        duoReports.record(school(), pupil, new DuoReportService.NewReport(DuoReportKind.OTHER_RELATIVE,
                LocalDate.now(ClockFactory.AMSTERDAM), reference));
    }

    private static AgendaRegistration.Registration sot(long pupil, String hulpvraag) {
        return new AgendaRegistration.Registration(pupil, hulpvraag, null, null, null, null, null);
    }

    private static AgendaRegistration.Registration tzt(long pupil, String reason, Boolean consent, Boolean duo, Boolean parentsKnow,
                                                   String informedBy) {
        return new AgendaRegistration.Registration(pupil, null, reason, consent, duo, parentsKnow, informedBy);
    }

    private static InvalidInputException assertRefused(String field, Executable call) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, call);
        assertEquals(field, refused.field(), refused.getMessage());
        assertNotNull(refused.getMessage());
        return refused;
    }

    private static <T> T only(List<T> list) {
        assertEquals(1, list.size(), list.toString());
        return list.getFirst();
    }

    private static List<Long> ids(List<MeetingAction> actions) {
        return actions.stream().map(MeetingAction::id).toList();
    }

    private Viewer school() {
        return fixtures.viewer("zorg.dijkstad");
    }

    private Viewer sotChair() {
        return fixtures.viewer("zorg.veenhoven");
    }

    private Viewer officer() {
        return fixtures.viewer("leerplicht.dijkstad");
    }

    private Viewer nurse() {
        return fixtures.viewer("jgz.verpleegkundige");
    }
}
