package org.deepdesk.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keeps the layering of the modules: the engine runs without JavaFX (the command line and the
 * tests use it headless), and the app reaches Deeplearning4j only through the engine's API.
 */
class ArchitectureTest {

    private static final ArchRule ENGINE_WITHOUT_JAVAFX = noClasses()
            .that().resideInAPackage("org.deepdesk.engine..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the engine also runs headless, in the command line and in tests, where no JavaFX toolkit starts");

    private static final ArchRule APP_WITHOUT_DEEPLEARNING4J = noClasses()
            .that().resideInAPackage("org.deepdesk.app..")
            .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..")
            .because("the engine's NetworkBackend keeps ND4J replaceable, which holds only while the app"
                    + " uses plain Java arrays and the engine's API")
            // The app module may have no main classes yet, and then the rule has nothing to check.
            .allowEmptyShould(true);

    private static JavaClasses mainClasses;

    @BeforeAll
    static void importMainClasses() {
        // The engine's classes are on the app's test classpath, so one import covers both modules.
        mainClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.deepdesk");
    }

    @Test
    void engineAvoidsJavaFx() {
        ENGINE_WITHOUT_JAVAFX.check(mainClasses);
    }

    @Test
    void appAvoidsDeeplearning4j() {
        APP_WITHOUT_DEEPLEARNING4J.check(mainClasses);
    }

    @Test
    void appRuleCatchesNd4jField() {
        JavaClasses violating = new ClassFileImporter().importClasses(HoldsNd4jArray.class);

        assertThat(APP_WITHOUT_DEEPLEARNING4J.evaluate(violating).hasViolation()).isTrue();
    }

    /** A class in the app's package with an ND4J array field, which the app rule must reject. */
    @SuppressWarnings("unused")
    private static final class HoldsNd4jArray {
        private INDArray weights;
    }
}
