package nl.casustafel.meeting;

import nl.casustafel.platform.NotFoundException;
import nl.casustafel.privacy.PupilIdentityRepository;
import nl.casustafel.privacy.PupilIdentity;

import com.vaadin.flow.server.streams.DownloadResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.account.AccountService;
import nl.casustafel.account.UserAccount;
import nl.casustafel.account.UserAccountRepository;
import nl.casustafel.account.Viewer;
import nl.casustafel.duo.DuoReport;
import nl.casustafel.duo.DuoReportRepository;
import nl.casustafel.platform.ClockFactory;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.privacy.Disclosure;
import nl.casustafel.privacy.TestBsns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Minutes of the three demo meetings, each rendered for one participant and read back with PDFBox:
 * what each policy lets through, at the viewer's own disclosure level, and nothing more.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MinutesPdfTest implements CasustafelTestProperties {

    @Inject
    MeetingService meetings;
    @Inject
    MeetingActions actions;
    @Inject
    AgendaNotes notes;
    @Inject
    MinutesService minutes;
    @Inject
    MeetingSeriesRepository series;
    @Inject
    AccountService accounts;
    @Inject
    UserAccountRepository users;
    @Inject
    PupilIdentityRepository identities;
    @Inject
    DuoReportRepository duoReports;
    @Inject
    TestBsns bsns;

    @Test
    void verzuimoverlegMinutesHoldAliasesCountsAndActionsAndNoPupilForAnyone() {
        MeetingSeries table = table("Verzuimoverleg Dijkstad College");
        Viewer chair = viewer("zorg.dijkstad");
        Viewer officer = viewer("leerplicht.dijkstad");
        long meetingId = meetingOf(table, chair);
        List<MeetingService.AgendaEntry> agenda = meetings.agenda(chair, meetingId);
        assertTrue(agenda.size() >= 2, "the demo verzuimoverleg has pupils on the agenda");
        MeetingService.AgendaEntry first = agenda.get(0);
        MeetingService.AgendaEntry second = agenda.get(1);
        PupilIdentity firstPupil = identity(first.item().pupilId());

        notes.addNote(chair, first.item().id(), "Gesprek met " + firstPupil.fullName() + " over de ochtenden gevoerd.");
        MeetingAction duo = actions.addAction(chair, first.item().id(), "Verzuimmelding bij DUO doen", chair.userId(), null,
                MeetingAction.Kind.DUO_REPORT);
        MeetingAction visit = actions.addAction(chair, second.item().id(), "Huisbezoek met het gezin plannen", officer.userId(),
                LocalDate.now(ClockFactory.AMSTERDAM).plusDays(14), MeetingAction.Kind.GENERAL);
        long duoAgreed = meetings.actionsOfMeeting(meetingId).stream().filter(a -> a.kind() == MeetingAction.Kind.DUO_REPORT).count();

        List<PupilIdentity> pupils = agenda.stream().map(e -> identity(e.item().pupilId())).toList();
        List<PupilIdentity> withoutOpenDuoReport = pupils.stream()
                .filter(p -> duoReports.findByPupilIdOrderByReportedOnDesc(p.pupilId()).stream().noneMatch(DuoReport::open)).toList();
        assertFalse(withoutOpenDuoReport.isEmpty());
        assertTrue(meetings.agenda(officer, meetingId).stream().anyMatch(e -> e.pupil().disclosure() == Disclosure.IDENTIFIED),
                "the officer sees a pupil with a DUO report by name at the table (demo: 561096338)");

        PdfText officers = PdfText.of(minutes.pdf(officer, meetingId).content());
        officers.assertContains("Notulen Verzuimoverleg");
        officers.assertContains("Verzuimoverleg Dijkstad College");
        for (MeetingService.AgendaEntry entry : agenda) {
            officers.assertContains(entry.pupil().alias());
        }
        // The officer sees this pupil under its alias: the free text stays hidden, the DUO agreement is named by its kind.
        officers.assertContains(first.pupil().alias() + " " + MinutesService.DUO_REPORT_AGREEMENT);
        officers.assertLacks("Verzuimmelding bij DUO doen");
        officers.assertContains(second.pupil().alias() + " Huisbezoek met het gezin plannen");
        officers.assertContains("Peter Jansen " + PdfText.DATE.format(visit.dueOn()));
        officers.assertContains(PdfText.DATE.format(duo.dueOn()));
        officers.assertContains("Aantal besproken leerlingen: " + agenda.size());
        officers.assertContains("Aantal afgesproken DUO-meldingen: " + duoAgreed);
        officers.assertLacks("ochtenden");
        officers.assertNoTraceOf(withoutOpenDuoReport, List.of(), professionals(table), bsns::of);
        officers.assertNoTraceOf(pupils, List.of(), professionals(table), bsns::of); // policy none: not even the identified ones

        PdfText chairs = PdfText.of(minutes.pdf(chair, meetingId).content());
        for (MeetingService.AgendaEntry entry : agenda) {
            chairs.assertContains(entry.pupil().alias());
        }
        chairs.assertContains("Huisbezoek met het gezin plannen");
        chairs.assertLacks("ochtenden");
        chairs.assertNoTraceOf(pupils, List.of(), professionals(table), bsns::of);
    }

    @Test
    void sotMinutesNameThePupilTheYouthNurseHasConsentForAndKeepTheOthersUnderTheirAlias() {
        MeetingSeries table = table("SOT Veenhoven Lyceum");
        Viewer chair = viewer("zorg.veenhoven");
        Viewer nurse = viewer("jgz.verpleegkundige");
        long meetingId = meetingOf(table, chair);
        List<MeetingService.AgendaEntry> seenByNurse = meetings.agenda(nurse, meetingId);
        long consented = identities.findByBsn("225352977").orElseThrow().pupilId();
        MeetingService.AgendaEntry named = seenByNurse.stream().filter(e -> e.item().pupilId() == consented).findFirst().orElseThrow();
        assertEquals(Disclosure.IDENTIFIED, named.pupil().disclosure(), "consent for the CJG, for this hulpvraag");
        List<MeetingService.AgendaEntry> aliased = seenByNurse.stream()
                .filter(e -> e.pupil().disclosure() == Disclosure.PSEUDONYMOUS).toList();
        assertFalse(aliased.isEmpty(), "a pupil without consent for the CJG");
        MeetingService.AgendaEntry hidden = aliased.getFirst();

        AgendaItem namedItem = named.item();
        notes.updateOutcome(chair, namedItem.id(), meetings.agenda(chair, meetingId).stream()
                .filter(e -> e.item().id().equals(namedItem.id())).findFirst().orElseThrow().item().version(),
                "Faalangsttraining via het CJG; evaluatie over zes weken.", nurse.userId());
        AgendaItem hiddenItem = meetings.agenda(chair, meetingId).stream()
                .filter(e -> e.item().id().equals(hidden.item().id())).findFirst().orElseThrow().item();
        notes.updateOutcome(chair, hiddenItem.id(), hiddenItem.version(), "Uitkomst alleen voor wie de leerling kent.", null);
        notes.addNote(chair, hiddenItem.id(), "Notitie onder naam van de school.");
        notes.addNote(nurse, hiddenItem.id(), "Notitie onder schuilnaam van het CJG.");

        PdfText nurses = PdfText.of(minutes.pdf(nurse, meetingId).content());
        PupilIdentity namedPupil = identity(consented);
        nurses.assertContains("Notulen Schoolondersteuningsteam");
        nurses.assertContains(namedPupil.fullName());
        nurses.assertContains("Faalangst bij toetsen");
        nurses.assertContains("Faalangsttraining via het CJG; evaluatie over zes weken.");
        nurses.assertContains("Casusregisseur: Linda Smit");
        nurses.assertLacks(PdfText.DATE.format(namedPupil.birthDate())); // SOT minutes: the name, not the birth date
        nurses.assertLacks(bsns.of(consented));
        for (MeetingService.AgendaEntry entry : aliased) {
            nurses.assertContains(entry.pupil().alias());
        }
        nurses.assertNoTraceOf(aliased.stream().map(e -> identity(e.item().pupilId())).toList(), List.of(namedPupil),
                professionals(table), bsns::of);
        nurses.assertContains("Notitie onder schuilnaam van het CJG.");
        nurses.assertLacks("Notitie onder naam van de school.");
        nurses.assertLacks("Uitkomst alleen voor wie de leerling kent.");

        PdfText chairs = PdfText.of(minutes.pdf(chair, meetingId).content());
        chairs.assertContains(identity(hidden.item().pupilId()).fullName());
        chairs.assertContains("Notitie onder naam van de school.");
        chairs.assertContains("Notitie onder schuilnaam van het CJG.");
        chairs.assertContains("Uitkomst alleen voor wie de leerling kent.");
    }

    @Test
    void thuiszitterstafelMinutesGiveNameAndBirthDateToIdentifiedViewersAndTheAliasToOthers() {
        MeetingSeries table = table("Thuiszitterstafel Dijkstreek");
        Viewer chair = viewer("swv.coordinator");
        Viewer officer = viewer("leerplicht.dijkstad");
        long meetingId = meetingOf(table, chair);
        long notified = identities.findByBsn("800941470").orElseThrow().pupilId(); // parents notified naming SWV, CJG, Dijkstad
        AgendaItem item = meetings.agenda(chair, meetingId).stream().filter(e -> e.item().pupilId() == notified)
                .findFirst().orElseThrow().item();
        long expert = users.findByUsername("swv.orthopedagoog").orElseThrow().id();
        notes.updateOutcome(chair, item.id(), item.version(), "Deeltijdrooster van twee ochtenden; onderwijszorgarrangement aangevraagd.",
                expert);
        actions.addAction(chair, item.id(), "Onderwijszorgarrangement bespreken met school", expert,
                LocalDate.now(ClockFactory.AMSTERDAM).plusDays(21), MeetingAction.Kind.GENERAL);

        int identifiedSeen = 0;
        int aliasSeen = 0;
        for (Viewer viewer : List.of(chair, officer)) {
            List<MeetingService.AgendaEntry> agenda = meetings.agenda(viewer, meetingId);
            PdfText pdf = PdfText.of(minutes.pdf(viewer, meetingId).content());
            pdf.assertContains("Notulen Thuiszitterstafel");
            pdf.assertContains("Procesbewaker: Tom de Boer");
            pdf.assertContains("Deels/ niet belastbaar");
            boolean seesPupil = agenda.stream().anyMatch(e -> e.item().pupilId() == notified
                    && e.pupil().disclosure() == Disclosure.IDENTIFIED);
            if (seesPupil) {
                pdf.assertContains("Onderwijszorgarrangement bespreken met school");
            } else {
                pdf.assertLacks("Onderwijszorgarrangement bespreken met school");
            }
            List<PupilIdentity> shown = new ArrayList<>();
            List<PupilIdentity> hidden = new ArrayList<>();
            for (MeetingService.AgendaEntry entry : agenda) {
                PupilIdentity pupil = identity(entry.item().pupilId());
                if (entry.pupil().disclosure() == Disclosure.IDENTIFIED) {
                    pdf.assertContains(pupil.fullName() + ", geboren " + PdfText.DATE.format(pupil.birthDate()));
                    shown.add(pupil);
                } else {
                    pdf.assertContains(entry.pupil().alias());
                    hidden.add(pupil);
                }
            }
            pdf.assertNoTraceOf(hidden, shown, professionals(table), bsns::of);
            boolean seesNotified = shown.stream().anyMatch(p -> p.pupilId() == notified);
            assertEquals(seesNotified, pdf.contains("Deeltijdrooster van twee ochtenden"),
                    "the case and progress description only for who sees the pupil by name");
            identifiedSeen += shown.size();
            aliasSeen += hidden.size();
        }
        assertTrue(identifiedSeen > 0 && aliasSeen > 0, "both levels occur among the swv coordinator and the officer");
        assertTrue(meetings.agenda(officer, meetingId).stream().anyMatch(e -> e.item().pupilId() == notified
                && e.pupil().disclosure() == Disclosure.PSEUDONYMOUS), "leerplicht needs a DUO report for this reason");
    }

    @Test
    void onlyParticipantsGetMinutes() {
        long meetingId = meetingOf(table("Verzuimoverleg Dijkstad College"), viewer("zorg.dijkstad"));
        NotFoundException refused = assertThrows(NotFoundException.class, () -> minutes.pdf(viewer("zorg.regenboog"), meetingId));
        assertEquals(new NotFoundException().getMessage(), refused.getMessage());
        assertThrows(NotFoundException.class, () -> minutes.pdf(viewer("swv.coordinator"), meetingId));
    }

    @Test
    void theDownloadLinkAnswersThePdfUnderTheMeetingDateOrAReasonNeverADocument() throws IOException {
        Viewer officer = viewer("leerplicht.dijkstad");
        long meetingId = meetingOf(table("Verzuimoverleg Dijkstad College"), officer);
        Meeting meeting = meetings.meeting(meetingId);
        DownloadResponse ok = MinutesDownload.download(minutes, officer, meetingId);
        assertFalse(ok.hasError());
        assertEquals("notulen-" + meeting.startsAt().atZone(ClockFactory.AMSTERDAM).toLocalDate() + ".pdf", ok.getFileName());
        assertEquals("application/pdf", ok.getContentType());
        byte[] head = ok.getInputStream().readNBytes(5);
        assertArrayEquals("%PDF-".getBytes(), head);

        DownloadResponse refused = MinutesDownload.download(minutes, viewer("zorg.regenboog"), meetingId);
        assertTrue(refused.hasError());
        assertEquals(404, refused.getError());
        assertEquals(new NotFoundException().getMessage(), refused.getErrorMessage());
    }

    // ---------------------------------------------------------------- helpers

    private MeetingSeries table(String name) {
        return series.findByName(name).orElseThrow();
    }

    /** The demo's planned meeting of the table (the first one). */
    private long meetingOf(MeetingSeries table, Viewer participant) {
        // The demo meeting: the table's first meeting (the demo loader's), with the demo's cases on its agenda; other
        // tests plan more meetings at this table, some earlier in time, so "first" is by id, not by date.
        return meetings.myMeetings(participant).stream().filter(m -> m.seriesId().equals(table.id()))
                .filter(m -> meetings.pupilsOnAgenda(m.id()).size() >= 2)
                .min(java.util.Comparator.comparing(Meeting::id)).orElseThrow().id();
    }

    private List<String> professionals(MeetingSeries table) {
        return meetings.participants(table.id()).stream().map(UserAccount::displayName).toList();
    }

    private Viewer viewer(String username) {
        return accounts.viewer(username).orElseThrow();
    }

    private PupilIdentity identity(long pupilId) {
        return identities.findById(pupilId).orElseThrow();
    }
}
