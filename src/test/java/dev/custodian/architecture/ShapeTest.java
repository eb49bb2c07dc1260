package dev.custodian.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape of the code (STYLE 16): the platform is the ground floor and knows no feature; features depend on each
 * other in one direction only.
 */
@AnalyzeClasses(packages = "dev.custodian", importOptions = ImportOption.DoNotIncludeTests.class)
class ShapeTest {

    @ArchTest
    static final ArchRule the_platform_imports_no_feature = noClasses().that().resideInAPackage("dev.custodian.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.custodian.job..", "dev.custodian.execution..",
                    "dev.custodian.worker..", "dev.custodian.retention..", "dev.custodian.files..", "dev.custodian.backups..",
                    "dev.custodian.cleanup..", "dev.custodian.handlers..", "dev.custodian.dashboard..");

    @ArchTest
    static final ArchRule no_cycle_between_features = slices().matching("dev.custodian.(*)..").should().beFreeOfCycles();
}
