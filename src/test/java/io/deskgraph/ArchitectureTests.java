package io.deskgraph;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.stereotype.Controller;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Tests that DeskGraph's layers run one way: the model at the bottom, the connectors
 * above it, cost advice above them, the GraphQL layer above all three, system concerns
 * across, and the simulators beside, reached by nothing but the demo-mode wiring they
 * implement.
 *
 * @author DeskGraph
 */
@AnalyzeClasses(packages = "io.deskgraph", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule packagesAreFreeOfCycles = slices().matching("io.deskgraph.(**)").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule layersRunOneWay = layeredArchitecture().consideringOnlyDependenciesInLayers()
		.layer("Model")
		.definedBy("io.deskgraph.usage..")
		.layer("Connectors")
		.definedBy("io.deskgraph.connector..")
		.layer("Cost")
		.definedBy("io.deskgraph.cost..")
		.layer("GraphQL")
		.definedBy("io.deskgraph.graphql..")
		.layer("System")
		.definedBy("io.deskgraph.system..")
		.layer("Simulators")
		.definedBy("io.deskgraph.simulator..")
		.whereLayer("Model")
		.mayNotAccessAnyLayer()
		.whereLayer("Connectors")
		.mayOnlyAccessLayers("Model")
		.whereLayer("Cost")
		.mayOnlyAccessLayers("Model", "Connectors")
		.whereLayer("System")
		.mayOnlyAccessLayers("Model", "Connectors")
		.whereLayer("GraphQL")
		.mayOnlyAccessLayers("Model", "Connectors", "Cost", "System")
		.whereLayer("Simulators")
		.mayOnlyAccessLayers("Model", "Connectors")
		.whereLayer("Simulators")
		.mayNotBeAccessedByAnyLayer();

	@ArchTest
	static final ArchRule huaweiPayloadStaysWithHuawei = classes().that()
		.resideInAPackage("io.deskgraph.connector.huawei.payload..")
		.should()
		.onlyBeAccessed()
		.byAnyPackage("io.deskgraph.connector.huawei..");

	@ArchTest
	static final ArchRule alibabaPayloadStaysWithAlibaba = classes().that()
		.resideInAPackage("io.deskgraph.connector.alibaba.payload..")
		.should()
		.onlyBeAccessed()
		.byAnyPackage("io.deskgraph.connector.alibaba..");

	@ArchTest
	static final ArchRule controllersOnlyDelegate = classes().that()
		.areAnnotatedWith(Controller.class)
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("io.deskgraph.graphql..", "io.deskgraph.usage..", "io.deskgraph.cost..", "java..",
				"reactor.core.publisher..", "org.springframework.graphql.data..", "org.springframework.stereotype..",
				"org.springframework.lang..", "org.dataloader..", "graphql.schema..")
		.because("controllers only delegate to services: no connector, cache, HTTP or error handling in them");

}
