package nl.casustafel.demo;

import nl.casustafel.privacy.PupilIdentityRepository;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.covenant.Role;
import nl.casustafel.account.UserAccount;
import nl.casustafel.account.UserAccountRepository;
import nl.casustafel.covenant.MunicipalityRepository;
import nl.casustafel.covenant.PartyRepository;
import nl.casustafel.covenant.PartyType;
import nl.casustafel.pupil.PupilRepository;
import nl.casustafel.school.School;
import nl.casustafel.school.SchoolRepository;
import nl.casustafel.school.Sector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoRegionTest implements CasustafelTestProperties {

    @Inject
    DemoRegionLoader loader;
    @Inject
    MunicipalityRepository municipalities;
    @Inject
    PartyRepository parties;
    @Inject
    SchoolRepository schools;
    @Inject
    UserAccountRepository accounts;
    @Inject
    PupilRepository pupils;
    @Inject
    PupilIdentityRepository identities;


    @Test
    void regionHasTwoMunicipalitiesOnePartnershipOneYouthHealthAndThreeSchools() {
        assertEquals(2, municipalities.count());
        Set<PartyType> types = parties.listOrderByTypeAndName().stream().map(p -> p.type()).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(PartyType.class), types);
        assertEquals(1, parties.listOrderByTypeAndName().stream().filter(p -> p.type() == PartyType.PARTNERSHIP).count());
        assertEquals(1, parties.listOrderByTypeAndName().stream().filter(p -> p.type() == PartyType.YOUTH_HEALTH).count());
        assertEquals(1, schools.listOrderByName().stream().filter(s -> s.sector() == Sector.PO).count());
        assertEquals(2, schools.listOrderByName().stream().filter(s -> s.sector() == Sector.VO).count());
    }

    @Test
    void everyRoleHasADemoAccount() {
        Set<Role> roles = accounts.listOrderByDisplayName().stream().map(UserAccount::role).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(Role.class), roles);
    }

    @Test
    void aboutTwoHundredPupilsSomeLivingInTheOtherMunicipality() {
        // Meeting tests enrol pupils of their own ("Nieuwland-<id>", MeetingFixtures) once the demo's fresh ones run out.
        long count = StreamSupport.stream(identities.findAll().spliterator(), false)
                .filter(i -> !i.familyName().startsWith("Nieuwland-")).count();
        assertTrue(count >= 180 && count <= 220, "about 200 pupils, was " + count);
        long outsiders = StreamSupport.stream(pupils.findAll().spliterator(), false)
                .filter(p -> {
                    School school = schools.findById(p.schoolId()).orElseThrow();
                    return !identities.findById(p.id()).orElseThrow().residenceMunicipalityId().equals(school.municipalityId());
                })
                .count();
        assertTrue(outsiders >= 10, "buitenleerlingen expected, found " + outsiders);
    }

    @Test
    void attendanceOfficersAreSwornForTheirOwnMunicipality() {
        UserAccount officer = accounts.findByUsername("leerplicht.dijkstad").orElseThrow();
        assertEquals(Set.of(municipalities.findByCode("GM9901").orElseThrow().id()), accounts.findSwornMunicipalityIds(officer.id()));
    }

    @Test
    void loadingTwiceChangesNothing() {
        long before = pupils.count();
        assertFalse(loader.loadIfAbsent());
        assertEquals(before, pupils.count());
    }
}
