package nl.casustafel;

import nl.casustafel.privacy.PupilIdentityRepository;
import nl.casustafel.privacy.PupilIdentity;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceRule;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture rules of the code base (README, "How the code is laid out"). Only the main classes are
 * imported: tests may reach into any feature to set up and check data.
 */
class ArchitectureTest {

    private static final String ROOT = "nl.casustafel.";

    /** Pupil identity: who a pupil is (name, BSN, birth date, address). Read and written only by privacy. */
    private static final Set<Class<?>> IDENTITY = Set.of(PupilIdentity.class, PupilIdentityRepository.class);

    /**
     * Repositories used outside their own feature, each with its reason. Keys are the repository's simple
     * name, values the features allowed besides its own. Keep this list short.
     */
    private static final Map<String, Set<String>> REPOSITORY_EXCEPTIONS = Map.of(
            // None left: other features look pupils, parties, accounts, schools, municipalities and tables up
            // through the owning feature's read-only directory (pupil.Pupils, covenant.Parties, …).
    );

    /** Features allowed to use every repository: the demo loader writes the whole demo region, every feature's tables. */
    private static final Set<String> USE_ALL_REPOSITORIES = Set.of("demo");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("nl.casustafel");

    @Test
    void featurePackagesHaveNoCycles() {
        // No exceptions: the last known cycles were broken in issue 10 (seats and identity inside privacy, the
        // menu from @Menu, the pupil page in casefile, the home page in home, events with their publishers).
        slices().matching("nl.casustafel.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void platformUsesNoFeature() {
        noClasses().that().resideInAPackage("nl.casustafel.platform..")
                .should().dependOnClassesThat(describe("belong to a feature",
                        (JavaClass c) -> c.getPackageName().startsWith(ROOT) && !feature(c).equals("platform")))
                .check(MAIN);
    }

    @Test
    void pupilIdentityIsReachedOnlyThroughPrivacy() {
        noClasses().that(describe("are outside privacy and not the identity itself",
                        (JavaClass c) -> !feature(c).equals("privacy") && !isIdentity(c)))
                .should().dependOnClassesThat(describe("are pupil identity", ArchitectureTest::isIdentity))
                .check(MAIN);
    }

    @Test
    void repositoriesAreUsedOnlyInTheirOwnFeature() {
        ArchRule rule = classes().that().areAnnotatedWith(JdbcRepository.class)
                .should(new ArchCondition<>("be used only by classes of their own feature") {
                    @Override
                    public void check(JavaClass repository, ConditionEvents events) {
                        Set<String> allowed = REPOSITORY_EXCEPTIONS.getOrDefault(repository.getSimpleName(), Set.of());
                        for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
                            String user = feature(dependency.getOriginClass());
                            if (!user.equals(feature(repository)) && !allowed.contains(user) && !USE_ALL_REPOSITORIES.contains(user)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                });
        rule.check(MAIN);
    }

    @Test
    void privacyDoesNotDependOnVaadin() {
        noClasses().that().resideInAPackage("nl.casustafel.privacy..")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .check(MAIN);
    }

    /** The top-level feature package of a class: {@code meeting} for {@code nl.casustafel.meeting.live.X}. */
    private static String feature(JavaClass c) {
        String name = c.getPackageName();
        if (!name.startsWith(ROOT)) {
            return name;
        }
        String rest = name.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** The identity classes and what Micronaut generates for them ({@code $PupilIdentityRepository$Intercepted}…). */
    private static boolean isIdentity(JavaClass c) {
        for (Class<?> identity : IDENTITY) {
            String simple = identity.getSimpleName();
            if (!c.getPackageName().equals(identity.getPackageName())) {
                continue;
            }
            String local = c.getName().substring(c.getPackageName().length() + 1);
            if ((local.equals(simple) || local.startsWith(simple + "$") || local.startsWith("$" + simple + "$"))) {
                return true;
            }
        }
        return false;
    }
}
