package org.mandatetracker.report;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * report-service's layers: the web API on top; the answers ({@code query}), the rebuild and the subscriptions under
 * it; the stored views ({@code projection}) at the bottom, whose value types the answers carry up to the web.
 */
@AnalyzeClasses(packages = "org.mandatetracker.report", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("web").definedBy("..report.web..")
            .layer("config").definedBy("..report.config..")
            .layer("query").definedBy("..report.query..")
            .layer("rebuild").definedBy("..report.rebuild..")
            .layer("subscription").definedBy("..report.subscription..")
            .layer("projection").definedBy("..report.projection..")
            .whereLayer("web").mayNotBeAccessedByAnyLayer()
            .whereLayer("query").mayOnlyBeAccessedByLayers("web")
            .whereLayer("rebuild").mayOnlyBeAccessedByLayers("web")
            .whereLayer("projection").mayOnlyBeAccessedByLayers("query", "rebuild", "web")
            .whereLayer("subscription").mayOnlyBeAccessedByLayers("web", "config", "projection");

    @ArchTest
    static final ArchRule noCycles = slices().matching("org.mandatetracker.report.(*)..").should().beFreeOfCycles();
}
