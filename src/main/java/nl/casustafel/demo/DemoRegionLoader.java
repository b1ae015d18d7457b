package nl.casustafel.demo;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.privacy.PupilIdentities;
import nl.casustafel.account.PasswordHasher;
import nl.casustafel.covenant.Role;
import nl.casustafel.account.SecondFactorService;
import nl.casustafel.account.UserAccount;
import nl.casustafel.account.UserAccountRepository;
import nl.casustafel.covenant.Covenant;
import nl.casustafel.covenant.CovenantRepository;
import nl.casustafel.covenant.CovenantRules;
import nl.casustafel.covenant.Municipality;
import nl.casustafel.covenant.MunicipalityRepository;
import nl.casustafel.covenant.Party;
import nl.casustafel.covenant.PartyRepository;
import nl.casustafel.covenant.PartyType;
import nl.casustafel.platform.ConfigFiles;
import nl.casustafel.platform.YamlNode;
import nl.casustafel.pupil.Pupil;
import nl.casustafel.pupil.PupilRepository;
import nl.casustafel.school.School;
import nl.casustafel.school.SchoolRepository;
import nl.casustafel.school.Sector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Loads the demo region from {@code config/demo/} into an empty database: municipalities,
 * parties, schools, one account of every role (all with the documented demo password and TOTP secret),
 * and about 200 synthetic pupils.
 */
@Singleton
public class DemoRegionLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRegionLoader.class);

    private final ConfigFiles config;
    private final CovenantRepository covenants;
    private final MunicipalityRepository municipalities;
    private final PartyRepository parties;
    private final SchoolRepository schools;
    private final UserAccountRepository accounts;
    private final PupilRepository pupils;
    private final PupilIdentities identities;
    private final PasswordHasher hasher;
    private final SecondFactorService secondFactors;
    private final CovenantRules rules;
    private final DemoFacts facts;
    private final DemoAbsence absence;

    public DemoRegionLoader(ConfigFiles config, CovenantRepository covenants, MunicipalityRepository municipalities,
                            PartyRepository parties, SchoolRepository schools, UserAccountRepository accounts,
                            PupilRepository pupils, PupilIdentities identities, PasswordHasher hasher,
                            SecondFactorService secondFactors, CovenantRules rules, DemoFacts facts, DemoAbsence absence) {
        this.config = config;
        this.covenants = covenants;
        this.municipalities = municipalities;
        this.parties = parties;
        this.schools = schools;
        this.accounts = accounts;
        this.pupils = pupils;
        this.identities = identities;
        this.hasher = hasher;
        this.secondFactors = secondFactors;
        this.rules = rules;
        this.facts = facts;
        this.absence = absence;
    }

    /** Loads the demo region unless its covenant is already present; returns whether it loaded. */
    @Transactional
    public boolean loadIfAbsent() {
        YamlNode region = config.yaml("demo/region.yaml");
        String covenantCode = region.text("covenant");
        if (covenants.findByCode(covenantCode).isPresent()) {
            return false;
        }
        Covenant covenant = saveCovenant(covenantCode);
        region.list("municipalities").forEach(m -> municipalities.save(new Municipality(null, m.text("code"), m.text("name"))));
        region.list("parties").forEach(p -> parties.save(new Party(null, covenant.id(), PartyType.valueOf(p.text("type")),
                p.text("name"), p.date("joinedOn"), p.has("municipality") ? municipalityId(p.text("municipality")) : null)));
        region.list("schools").forEach(s -> schools.save(new School(null, s.text("brin"), s.text("name"),
                Sector.valueOf(s.text("sector")), partyId(s.text("board")), partyId(s.text("partnership")),
                municipalityId(s.text("municipality")))));
        String passwordHash = hasher.hash(region.text("demoPassword"));
        String totpSecret = region.text("demoTotpSecret");
        region.list("users").forEach(u -> saveUser(u, passwordHash, totpSecret));
        List<YamlNode> pupilNodes = config.yaml("demo/pupils.yaml").list("pupils");
        pupilNodes.forEach(this::savePupil);
        facts.load(region);
        absence.load(region);
        LOG.info("Demo region '{}' loaded: {} pupils", covenantCode, pupilNodes.size());
        return true;
    }

    private Covenant saveCovenant(String code) {
        if (!code.equals(rules.code())) {
            throw new IllegalStateException("config/demo/region.yaml names covenant '" + code
                    + "' but the loaded covenant file defines '" + rules.code() + "'");
        }
        return covenants.save(new Covenant(null, code, rules.name(), rules.version(), rules.signedOn(),
                rules.initialTermYears(), rules.renewalTermYears()));
    }

    private void saveUser(YamlNode u, String passwordHash, String totpSecret) {
        Role role = Role.valueOf(u.text("role"));
        Party party = parties.findByName(u.text("party")).orElseThrow(() -> missing("party", u.text("party")));
        if (!role.belongsTo(party.type())) {
            throw new IllegalStateException("User " + u.text("username") + ": role " + role + " cannot belong to a " + party.type());
        }
        UserAccount account = accounts.save(new UserAccount(null, u.text("username"), u.text("name"), role, party.id(), passwordHash, true));
        u.texts("schools").forEach(brin -> accounts.addSchool(account.id(), schoolId(brin)));
        u.texts("swornFor").forEach(code -> accounts.addSwornMunicipality(account.id(), municipalityId(code)));
        secondFactors.enrolWithKnownSecret(account.id(), totpSecret);
    }

    private void savePupil(YamlNode p) {
        Pupil pupil = pupils.save(new Pupil(null, schoolId(p.text("school")), p.integer("schoolYear"),
                p.date("enrolledOn"), p.has("enrolledUntil") ? p.date("enrolledUntil") : null));
        identities.record(pupil.id(), p.text("givenName"), p.text("familyName"), p.date("birthDate"),
                p.text("bsn"), p.text("address"), p.text("postalCode"), municipalityId(p.text("residence")));
    }

    private long municipalityId(String code) {
        return municipalities.findByCode(code).orElseThrow(() -> missing("municipality", code)).id();
    }

    private long partyId(String name) {
        return parties.findByName(name).orElseThrow(() -> missing("party", name)).id();
    }

    private long schoolId(String brin) {
        return schools.findByBrin(brin).orElseThrow(() -> missing("school", brin)).id();
    }

    private static IllegalStateException missing(String what, String key) {
        return new IllegalStateException("Demo region refers to unknown " + what + " '" + key + "'");
    }
}
