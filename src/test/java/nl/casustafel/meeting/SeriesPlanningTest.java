package nl.casustafel.meeting;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.account.AccountService;
import nl.casustafel.account.UserAccountRepository;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.MeetingType;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.school.SchoolRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Setting up tables as the covenant's meeting types allow (Bijlage 3). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeriesPlanningTest implements CasustafelTestProperties {

    @Inject
    SeriesPlanning planning;
    @Inject
    MeetingService meetings;
    @Inject
    AccountService accounts;
    @Inject
    UserAccountRepository users;
    @Inject
    SchoolRepository schools;

    @Test
    void careCoordinatorSetsUpAVerzuimoverlegForOwnVoSchoolWithOfficerAndNurse() {
        Viewer chair = viewer("zorg.dijkstad");
        MeetingSeries table = planning.create(chair, series(MeetingType.VERZUIMOVERLEG, "02CD", 6, "leerplicht.dijkstad", "jgz.verpleegkundige"));
        assertEquals(chair.userId(), table.chairId());
        List<Long> seated = meetings.participants(table.id()).stream().map(u -> u.id()).toList();
        assertTrue(seated.contains(chair.userId()), "the chair sits at the table");
        assertTrue(seated.containsAll(List.of(id("leerplicht.dijkstad"), id("jgz.verpleegkundige"))));
        assertEquals(3, seated.size());
    }

    @Test
    void theVerzuimoverlegIsAVoMeeting() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> planning.create(viewer("zorg.regenboog"), series(MeetingType.VERZUIMOVERLEG, "01AB", 6)));
        assertEquals("schoolId", e.field());
    }

    @Test
    void onlyRolesAtTheTableMaySit() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> planning.create(viewer("zorg.dijkstad"),
                series(MeetingType.VERZUIMOVERLEG, "02CD", 6, "swv.coordinator")));
        assertEquals("participantIds", e.field());
    }

    @Test
    void cadenceFollowsTheCovenant() {
        assertEquals("everyWeeks", assertThrows(InvalidInputException.class, () -> planning.create(viewer("zorg.dijkstad"),
                series(MeetingType.VERZUIMOVERLEG, "02CD", 3))).field());
        MeetingSeries sot = planning.create(viewer("zorg.veenhoven"), series(MeetingType.SOT, "03EF", 1, "jgz.verpleegkundige", "smw.anker"));
        assertEquals(1, sot.everyWeeks());
        MeetingSeries tzt = planning.create(viewer("swv.coordinator"), series(MeetingType.THUISZITTERSTAFEL, null, 4, "leerplicht.veenhoven"));
        assertEquals(4, tzt.everyWeeks(), "the thuiszitterstafel may meet more often than every 6 weeks");
        assertTrue(tzt.partnershipId() != null && tzt.schoolId() == null);
    }

    @Test
    void onlyTheCovenantsChairRolesChair() {
        assertEquals("type", assertThrows(InvalidInputException.class, () -> planning.create(viewer("leerplicht.dijkstad"),
                series(MeetingType.VERZUIMOVERLEG, "02CD", 6))).field());
        assertEquals("schoolId", assertThrows(InvalidInputException.class, () -> planning.create(viewer("zorg.veenhoven"),
                series(MeetingType.SOT, "02CD", 2))).field(), "not another school's SOT");
    }

    private SeriesPlanning.NewSeries series(MeetingType type, String brin, int weeks, String... participants) {
        Long school = brin == null ? null : schools.findByBrin(brin).orElseThrow().id();
        return new SeriesPlanning.NewSeries(type, type + " test " + UUID.randomUUID(), school, weeks, "Lokaal 1",
                List.of(participants).stream().map(this::id).toList());
    }

    private long id(String username) {
        return users.findByUsername(username).orElseThrow().id();
    }

    private Viewer viewer(String username) {
        return accounts.viewer(username).orElseThrow();
    }
}
