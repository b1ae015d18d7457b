package nl.casustafel.meeting;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.account.Viewer;
import nl.casustafel.privacy.PupilIdentity;
import nl.casustafel.privacy.PupilIdentityRepository;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.pupil.PupilSearch;
import nl.casustafel.pupil.PupilService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pupil combo box of the registration dialog asks a page at a time: only the pupils of that page are read
 * through the privacy kernel and written into the access log (NEN 7513), not the whole school, and the name typed
 * filters on the server the way the pupil list does (given and family name, ignoring case).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrablePupilsTest implements CasustafelTestProperties {

    @Inject
    PupilService pupils;
    @Inject
    MeetingFixtures fixtures;
    @Inject
    PupilIdentityRepository identities;
    @Inject
    JdbcOperations jdbc;
    @Inject
    TransactionOperations<Connection> tx;

    @Test
    void theFirstPageOfTheDropdownReadsAndLogsThatPageNotTheWholeSchool() {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        Viewer chair = fixtures.chairOf(table);
        long school = pupils.totalOwnSchools(chair, PupilSearch.all());
        assertTrue(school > RegistrablePupils.PAGE_SIZE, "the school has more pupils than a page: " + school);
        RegistrablePupils choices = new RegistrablePupils(pupils, chair, table.schoolId(), List.of(), Set.of());

        long before = lastId();
        List<PupilView> page = choices.fetch("", 0, RegistrablePupils.PAGE_SIZE);

        assertEquals(RegistrablePupils.PAGE_SIZE, page.size());
        List<Long> logged = loggedSince(before, chair);
        assertTrue(logged.size() <= RegistrablePupils.PAGE_SIZE, "at most a page logged, not the school's " + school + ": " + logged.size());
        assertEquals(page.stream().map(PupilView::pupilId).sorted().toList(), logged.stream().sorted().toList(),
                "exactly the pupils shown are logged");

        long beforeProbe = lastId();
        assertTrue(!choices.nobody(), "someone can be registered");
        assertEquals(List.of(), loggedSince(beforeProbe, chair), "telling that someone can be registered reads nobody");
    }

    @Test
    void pagesFollowOnWithoutGapsOrDoublesLeavingOutWhoIsOnTheAgendaOrOfferedUpFront() {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        Viewer chair = fixtures.chairOf(table);
        List<PupilView> all = pupils.listOwnSchools(chair, PupilSearch.all()).stream()
                .filter(p -> table.schoolId().equals(p.schoolId())).toList();
        PupilView upFront = all.get(3);
        Set<Long> onAgenda = Set.of(all.get(0).pupilId(), all.get(8).pupilId(), all.get(9).pupilId(), all.get(30).pupilId());
        List<Long> expected = new ArrayList<>(List.of(upFront.pupilId()));
        all.stream().map(PupilView::pupilId).filter(id -> !onAgenda.contains(id) && id != upFront.pupilId()).forEach(expected::add);

        RegistrablePupils choices = new RegistrablePupils(pupils, chair, table.schoolId(), List.of(upFront), onAgenda);
        List<Long> paged = new ArrayList<>();
        for (int offset = 0; ; offset += 7) {
            List<PupilView> page = choices.fetch(null, offset, 7);
            page.forEach(p -> paged.add(p.pupilId()));
            if (page.size() < 7) {
                break;
            }
        }
        assertEquals(expected, paged);

        RegistrablePupils jumping = new RegistrablePupils(pupils, chair, table.schoolId(), List.of(upFront), onAgenda);
        assertEquals(expected.subList(20, 30), jumping.fetch(null, 20, 10).stream().map(PupilView::pupilId).toList(),
                "a page further down, asked first");
        assertEquals(expected.subList(10, 20), jumping.fetch(null, 10, 10).stream().map(PupilView::pupilId).toList(),
                "a page before it, asked afterwards");
    }

    @Test
    void typingANameFiltersOnTheServerByGivenAndFamilyName() {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        Viewer chair = fixtures.chairOf(table);
        long pupil = fixtures.freshPupil(MeetingFixtures.DIJKSTAD_COLLEGE, MeetingFixtures.DIJKSTAD);
        PupilIdentity identity = identities.findById(pupil).orElseThrow();
        String typed = "  " + (identity.givenName() + " " + identity.familyName()).toUpperCase() + " ";
        RegistrablePupils choices = new RegistrablePupils(pupils, chair, table.schoolId(), List.of(), Set.of());

        long before = lastId();
        List<PupilView> found = choices.fetch(typed, 0, RegistrablePupils.PAGE_SIZE);

        assertTrue(found.stream().anyMatch(p -> p.pupilId() == pupil), "the pupil typed is offered");
        assertTrue(found.stream().allMatch(p -> p.label().equalsIgnoreCase(identity.givenName() + " " + identity.familyName())),
                "only pupils of that name");
        assertEquals(found.size(), loggedSince(before, chair).size(), "only the pupils found are logged");
        assertEquals(List.of(), new RegistrablePupils(pupils, chair, table.schoolId(), List.of(), Set.of(pupil)).fetch(typed, 0, 50)
                .stream().filter(p -> p.pupilId() == pupil).toList(), "not when already on the agenda");
    }

    private List<Long> loggedSince(long afterId, Viewer viewer) {
        return tx.executeRead(s -> jdbc.prepareStatement("SELECT pupil_id FROM access_log WHERE id > ? AND user_id = ? ORDER BY id", st -> {
            st.setLong(1, afterId);
            st.setLong(2, viewer.userId());
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }));
    }

    private long lastId() {
        return tx.executeRead(s -> jdbc.prepareStatement("SELECT coalesce(max(id), 0) FROM access_log", st -> {
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }
}
