package kb.review;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The review's rooms form a pipeline: diff, then rules, then engine (with analysis beside it), then report. */
class ReviewRoomsTest {

    private static JavaClasses classes;

    @BeforeAll
    static void import_the_review_classes() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("kb.review");
    }

    @Test
    void the_rooms_depend_on_each_other_without_cycles() {
        slices().matching("kb.review.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void no_room_reaches_back_to_the_saved_reviews_and_pages() {
        noClasses().that().resideInAnyPackage("kb.review.*..")
                .should().dependOnClassesThat().resideInAPackage("kb.review")
                .check(classes);
    }

    @Test
    void earlier_rooms_do_not_know_the_later_ones() {
        noClasses().that().resideInAnyPackage("kb.review.diff..", "kb.review.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("kb.review.rules..", "kb.review.engine..",
                        "kb.review.report..")
                .check(classes);
        noClasses().that().resideInAPackage("kb.review.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("kb.review.engine..", "kb.review.report..")
                .check(classes);
        noClasses().that().resideInAPackage("kb.review.engine..")
                .should().dependOnClassesThat().resideInAPackage("kb.review.report..")
                .check(classes);
    }
}
