package kb;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The seams between features, checked on the compiled main classes: a class outside a feature uses only
 * that feature's public door ({@link #DOORS}); no feature reaches up to {@code kb.App} or the command line;
 * {@code format} stays a pure leaf library that every feature may use.
 */
class FeatureBoundariesTest {

    /**
     * Per feature package (sub-packages included), the only types other packages may use. A nested type
     * counts as its top-level type (so {@code Incidents.RunnableBlock} is part of {@code Incidents}).
     * The owner of a feature edits its own line; {@code *Routes} and commands are there for the
     * composition root ({@code kb.App}, {@code kb.Main}, {@code kb.cli}).
     */
    static final Map<String, Set<String>> DOORS = new TreeMap<>(Map.of(
            "kb.incidents", Set.of("Incidents", "Incident", "IncidentHeader", "Parts", "Change",
                    "StaleRevisionException", "ImportReport", "IncidentRoutes", "IncidentPageExtension",
                    "WriteHooks", "DerivedTables", "BuildHook"),
            "kb.checklist", Set.of("Checklist", "ChecklistRoutes"),
            "kb.accounts", Set.of("Accounts", "AccountException", "Role", "AccountRoutes"),
            "kb.authoring", Set.of("Authoring", "AuthoringRoutes"),
            // owned by the review engineer: the facade (kb.cli.ReviewCommand runs reviews through it) and the routes
            "kb.review", Set.of("Reviews", "ReviewRoutes"),
            // owned by the sandbox engineer
            "kb.sandbox", Set.of("Sandbox", "SandboxService", "SandboxConfig", "SandboxRoutes", "FileRuns"),
            // owned by the opsdata engineer: the facade, the shared rate limit features count with, and what
            // the commands (serve's launcher and start log, backup, restore) need
            "kb.ops", Set.of("Operations", "SharedRateLimit", "HeapBudget", "HeapShape", "StartReport", "Backups"),
            // owned by the search engineer
            "kb.search", Set.of("Search", "SearchRequest", "SearchResults", "Related", "SearchRoutes", "SyntheticPostmortems"),
            "kb.insights", Set.of("InsightsRoutes"),
            "kb.feeds", Set.of("FeedRoutes")));

    static {
        // owned by the actions engineer (Map.of above holds at most ten features)
        DOORS.put("kb.actions", Set.of("ActionRoutes", "RuleEvidence"));
    }

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("kb");
    }

    @TestFactory
    List<DynamicTest> no_class_outside_a_feature_uses_a_type_behind_its_door() {
        return DOORS.entrySet().stream().map(door -> DynamicTest.dynamicTest(door.getKey(), () ->
                doorRule(door.getKey(), door.getValue()).check(classes))).toList();
    }

    /** Classes outside {@code pkg} use only the types named in {@code door} (FeatureBoundariesFixtureTest shows it bites). */
    static ArchRule doorRule(String pkg, Set<String> door) {
        return noClasses().that().resideOutsideOfPackage(pkg + "..")
                .should().dependOnClassesThat(behindTheDoor(pkg, door))
                .because("other features go through " + door + " (FeatureBoundariesTest.DOORS)");
    }

    @Test
    void no_feature_reaches_up_to_the_app_or_the_command_line() {
        noClasses().that().resideInAnyPackage(DOORS.keySet().stream().map(p -> p + "..").toArray(String[]::new))
                .or().resideInAnyPackage("kb.system..", "kb.format..")
                .should().dependOnClassesThat().resideInAnyPackage("kb.cli..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("kb.App")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("kb.Main")
                .check(classes);
    }

    @Test
    void format_is_a_leaf_that_depends_on_no_other_part_of_the_app() {
        noClasses().that().resideInAPackage("kb.format..")
                .should().dependOnClassesThat().resideOutsideOfPackages("kb.format..", "java..", "javax..", "org..")
                .check(classes);
    }

    @Test
    void system_depends_on_no_feature() {
        noClasses().that().resideInAPackage("kb.system..")
                .should().dependOnClassesThat().resideInAnyPackage(DOORS.keySet().stream().map(p -> p + "..").toArray(String[]::new))
                .check(classes);
    }

    /** Types of {@code pkg} (or below) whose top-level type is not in {@code door}. */
    private static DescribedPredicate<JavaClass> behindTheDoor(String pkg, Set<String> door) {
        return DescribedPredicate.describe("types of " + pkg + " other than " + door, c -> {
            if (!c.getPackageName().equals(pkg) && !c.getPackageName().startsWith(pkg + ".")) {
                return false;
            }
            String name = c.getName().substring(c.getPackageName().length() + 1);
            int nested = name.indexOf('$');
            String topLevel = nested < 0 ? name : name.substring(0, nested);
            return !c.getPackageName().equals(pkg) || !door.contains(topLevel);
        });
    }
}
