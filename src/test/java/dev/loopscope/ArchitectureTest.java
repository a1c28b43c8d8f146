package dev.loopscope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Packages are the architecture: only the UI may touch JavaFX, and nothing below the UI may reach up into it. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // The build directory may be anywhere (-Dbuild.dir), where the predefined option does not see tests.
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("dev.loopscope");
    }

    @Test
    void modelPackagesDoNotUseJavaFx() {
        noClasses().that().resideInAnyPackage(
                        "dev.loopscope.engine..", "dev.loopscope.python..", "dev.loopscope.lesson..", "dev.loopscope.quiz..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                        "org.fxmisc..", "org.kordamp..")
                .because("the engine, the Python front end and the lesson model are plain Java")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void modelPackagesDoNotDependOnUiOrCli() {
        noClasses().that().resideInAnyPackage(
                        "dev.loopscope.engine..", "dev.loopscope.python..", "dev.loopscope.lesson..", "dev.loopscope.quiz..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.loopscope.ui..", "dev.loopscope.cli..")
                .because("the UI and the command line depend on the model, never the reverse")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void engineDoesNotDependOnTheFrontEnd() {
        noClasses().that().resideInAPackage("dev.loopscope.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.loopscope.python.syntax..", "dev.loopscope.python.compiler..", "dev.loopscope.python.vm..",
                        "dev.loopscope.lesson..", "dev.loopscope.quiz..")
                .because("the engine runs programs from any front end, including its own Java API")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheWindowUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("dev.loopscope.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                        "org.fxmisc..", "org.kordamp..")
                .because("JavaFX lives under dev.loopscope.ui; the command line reaches the window through its classes")
                .check(classes);
    }

    @Test
    void oneClassOwnsTheAnimationTimer() {
        classes().that().areAssignableTo(javafx.animation.AnimationTimer.class)
                .and().doNotHaveFullyQualifiedName(javafx.animation.AnimationTimer.class.getName())
                .should().haveNameMatching("dev\\.loopscope\\.ui\\.player\\.PlaybackClock(\\$.*)?")
                .because("one clock turns real time into virtual time; everything else follows the player")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void noInlineStylesInJava() {
        noClasses().that().resideInAPackage("dev.loopscope..")
                .should().callMethod(javafx.scene.Node.class, "setStyle", String.class)
                .because("looks come from the stylesheets (themes, presenter scale), through style classes")
                .check(classes);
    }

    @Test
    void viewModelsHoldNoNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().areAssignableTo(javafx.scene.Node.class)
                .because("view models are tested without a scene")
                .check(classes);
    }

    @Test
    void dialogsAreBehindTheirInterface() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.loopscope.ui.FxDialogs")
                .should().dependOnClassesThat().areAssignableTo(javafx.stage.FileChooser.class)
                .orShould().dependOnClassesThat().areAssignableTo(javafx.scene.control.Dialog.class)
                .because("file choosers and alerts go through dev.loopscope.ui.Dialogs, which tests replace")
                .check(classes);
    }
}
