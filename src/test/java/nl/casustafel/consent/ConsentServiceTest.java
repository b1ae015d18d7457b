package nl.casustafel.consent;

import nl.casustafel.privacy.PupilIdentityRepository;

import io.micronaut.context.event.ApplicationEventPublisher;
import nl.casustafel.absence.TestSql;
import nl.casustafel.privacy.PupilFactsChanged;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.account.AccountService;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.MeetingType;
import nl.casustafel.covenant.PartyRepository;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.privacy.Basis;
import nl.casustafel.privacy.Disclosure;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.privacy.ReconfirmationsDue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentServiceTest implements CasustafelTestProperties {

    @Inject
    ConsentService consents;
    @Inject
    ConsentRepository repository;
    @Inject
    WithdrawalNotices notices;
    @Inject
    AccountService accounts;
    @Inject
    PartyRepository parties;
    @Inject
    PupilIdentityRepository identities;
    @Inject
    PupilReader reader;
    @Inject
    ReconfirmationsDue reconfirmations;
    @Inject
    ParentNotificationService notifications;
    @Inject
    TestSql sql;
    @Inject
    ApplicationEventPublisher<PupilFactsChanged> events;

    @Test
    void thirteenYearOldWithOnlyTheParentsConsentForHealthDataIsRefusedAndNothingIsWritten() {
        long pupil = pupil("225352977"); // born 2013-10-22: 13
        long before = repository.count();
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> consents.record(school(), pupil,
                consent(MeetingType.SOT, "Faalangst bij toetsen", List.of("HEALTH"), false, true, LocalDate.of(2026, 11, 20))));
        assertEquals("givers", refused.field());
        assertEquals("De leerling was 13 jaar op de dag van de toestemming; voor gezondheidsgegevens en andere gegevens "
                + "moet dan ook de leerling zelf toestemming geven.", refused.getMessage());
        assertEquals(before, repository.count());
    }

    @Test
    void whoMustConsentFollowsTheAgeOnTheDayItWasGiven() {
        long fifteen = pupil("842697950"); // born 2011-04-08
        assertThrows(InvalidInputException.class, () -> consents.record(school(), fifteen,
                consent(MeetingType.SOT, "Zorgen over thuissituatie", List.of("IDENTITY"), true, false, LocalDate.of(2026, 11, 1))));
        long eighteen = pupil("490080947"); // born 2008-08-28
        Consent byPupil = consents.record(school(), eighteen,
                consent(MeetingType.SOT, "Onderzoek naar dyslexie", List.of("IDENTITY"), true, false, LocalDate.of(2026, 11, 1)));
        assertTrue(byPupil.givenByPupil());
        // Before the 16th birthday the parent had to consent too.
        assertThrows(InvalidInputException.class, () -> consents.record(school(), eighteen,
                consent(MeetingType.SOT, "Onderzoek naar dyslexie", List.of("IDENTITY"), true, false, LocalDate.of(2024, 8, 27))));
    }

    @Test
    void sotConsentNeedsADescribedHulpvraag() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> consents.record(school(), pupil("842697950"),
                consent(MeetingType.SOT, " ", List.of("IDENTITY"), true, true, LocalDate.of(2026, 11, 1))));
        assertEquals("hulpvraag", refused.field());
    }

    @Test
    void withdrawalFlipsTheViewBackAndNotifiesThePartyThatReceivedData() {
        long pupil = pupil("842697950"); // 15, on the SOT of Veenhoven Lyceum
        Viewer nurse = accounts.viewer("jgz.verpleegkundige").orElseThrow();
        assertEquals(Disclosure.PSEUDONYMOUS, read(nurse, pupil).disclosure());

        Consent given = consents.record(school(), pupil,
                consent(MeetingType.SOT, "Zorgen over thuissituatie", List.of("IDENTITY", "ABSENCE"), true, true, LocalDate.of(2026, 11, 10)));
        PupilView identified = read(nurse, pupil);
        assertEquals(Disclosure.IDENTIFIED, identified.disclosure());
        assertEquals(new Basis(Basis.Kind.CONSENT, given.id()), identified.basis());

        consents.withdraw(school(), given.id(), null, "Ouders trekken toestemming in");

        assertEquals(Disclosure.PSEUDONYMOUS, read(nurse, pupil).disclosure());
        assertTrue(repository.findById(given.id()).orElseThrow().withdrawn(), "the record is kept, marked withdrawn");
        assertTrue(notices.forParty(nurse).stream().anyMatch(n -> n.consentId() == given.id()),
                "the CJG, which read the pupil under this consent, gets a notice");
        Viewer officer = accounts.viewer("leerplicht.veenhoven").orElseThrow();
        assertTrue(notices.forParty(officer).stream().noneMatch(n -> n.consentId() == given.id()), "no notice for others");
    }

    @Test
    void aConsentGivenBeforeTheTwelfthBirthdayMustBeConfirmedAgainAndTheSchoolIsToldOnItsHomeScreen() {
        long pupil = pupil("225352977"); // born 2013-10-22: 13 now, 10 on the day below
        Consent old = consents.record(school(), pupil,
                consent(MeetingType.SOT, "Faalangst bij toetsen", List.of("IDENTITY"), false, true, LocalDate.of(2024, 1, 15)));
        try {
            List<ReconfirmationsDue.Due> due = reconfirmations.recordedBy(school()).stream()
                    .filter(d -> d.consentId() == old.id()).toList();
            assertEquals(1, due.size());
            assertEquals("de leerling en de ouder of voogd", due.getFirst().confirmBy());
            assertEquals(read(school(), pupil).name(), due.getFirst().pupil(), "the school sees its pupil by name");
            assertTrue(reconfirmations.recordedBy(accounts.viewer("swv.coordinator").orElseThrow()).stream()
                    .noneMatch(d -> d.consentId() == old.id()), "only the party that recorded it is told");
        } finally {
            consents.withdraw(school(), old.id(), null, "test");
        }
    }

    @Test
    void theSchoolRecordsThatItToldTheParentsWhichPartiesWillDiscussTheirChild() {
        long pupil = pupil("842697950");
        long cjg = parties.findByName("CJG Dijkstreek (JGZ)").orElseThrow().id();
        long officer = accounts.viewer("leerplicht.veenhoven").orElseThrow().partyId();
        LocalDate notifiedOn = LocalDate.now().minusDays(1);
        ParentNotificationService.Recorded recorded = notifications.record(school(), pupil, new ParentNotificationService.NewNotification(
                MeetingType.THUISZITTERSTAFEL, notifiedOn, List.of(cjg, officer, cjg), "  Telefonisch met moeder  "));
        try {
            assertEquals(List.of(cjg, officer), List.copyOf(recorded.partyIds()), "each named party once, in the order given");
            String row = sql.query("SELECT pupil_id, notifying_party_id, purpose, notified_on, note, recorded_by FROM parent_notification WHERE id = "
                    + recorded.id(), st -> {
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) + "|" + rs.getLong(2) + "|" + rs.getString(3) + "|" + rs.getDate(4) + "|" + rs.getString(5)
                            + "|" + rs.getLong(6);
                }
            });
            assertEquals(pupil + "|" + school().partyId() + "|THUISZITTERSTAFEL|" + notifiedOn + "|Telefonisch met moeder|"
                    + school().userId(), row);
            List<Long> named = sql.query("SELECT party_id FROM parent_notification_party WHERE notification_id = " + recorded.id()
                    + " ORDER BY party_id", st -> {
                List<Long> found = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getLong(1));
                    }
                }
                return found;
            });
            assertEquals(List.of(cjg, officer).stream().sorted().toList(), named);
        } finally {
            sql.update("DELETE FROM parent_notification_party WHERE notification_id = " + recorded.id());
            sql.update("DELETE FROM parent_notification WHERE id = " + recorded.id());
            events.publishEvent(new PupilFactsChanged(pupil));
        }
    }

    private PupilView read(Viewer viewer, long pupil) {
        return reader.read(viewer, pupil, null, "test").orElseThrow();
    }

    private Viewer school() {
        return accounts.viewer("zorg.veenhoven").orElseThrow();
    }

    private ConsentService.NewConsent consent(MeetingType purpose, String hulpvraag, List<String> categories,
                                              boolean byPupil, boolean byParent, LocalDate givenOn) {
        long cjg = parties.findByName("CJG Dijkstreek (JGZ)").orElseThrow().id();
        return new ConsentService.NewConsent(cjg, purpose, hulpvraag, categories, byPupil, byParent,
                byParent ? "J. Ouder" : null, ConsentMethod.WRITTEN, givenOn, null);
    }

    private long pupil(String bsn) {
        return identities.findByBsn(bsn).orElseThrow().pupilId();
    }
}
