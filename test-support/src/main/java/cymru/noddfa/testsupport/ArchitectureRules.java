package cymru.noddfa.testsupport;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The house rules of STYLE.md as executable checks. Each service's architecture test
 * applies them to its own base package.
 * <p>
 * A class is an <em>edge</em> when its name says it translates (controllers,
 * repositories, Kafka listeners, configuration, problem handlers, the application
 * itself); every other class is domain logic and stays free of Spring, HTTP, JDBC and
 * Kafka types.
 */
public final class ArchitectureRules {

	private static final String[] EDGE_SUFFIXES = { "Controller", "Repository", "Listener", "Configuration",
			"Properties", "Problems", "Application", "Relay", "Publisher", "Scheduler", "Job", "Client", "Loader",
			"HealthIndicator", "Filter", "Sender", "Store", "Advice", "Initializer", "Converter", "Mapper" };

	private ArchitectureRules() {
	}

	/**
	 * No {@code controller/}, {@code service/}, {@code util/}… layer or grab-bag
	 * packages.
	 */
	public static ArchRule packagesAreFeaturesNotLayers(String basePackage) {
		return noClasses().should()
			.resideInAnyPackage(basePackage + ".controller..", basePackage + ".controllers..",
					basePackage + ".service..", basePackage + ".services..", basePackage + ".repository..",
					basePackage + ".repositories..", basePackage + ".util..", basePackage + ".utils..",
					basePackage + ".common..", basePackage + ".helper..", basePackage + ".helpers..")
			.because("we package by feature (STYLE.md habit 1)");
	}

	/** Feature packages may use each other, but never in a circle. */
	public static ArchRule featuresHaveNoCycles(String basePackage) {
		return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles();
	}

	/** Domain classes decide without Spring, servlet, HTTP, JDBC or Kafka types. */
	public static ArchRule domainIsFreeOfFrameworks(String basePackage) {
		return noClasses().that()
			.resideInAPackage(basePackage + "..")
			.and(are(domainClasses()))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta.servlet..", "org.apache.kafka..", "java.sql..",
					"redis.clients..")
			.because("the domain decides and the edges translate (STYLE.md habit 2)");
	}

	private static DescribedPredicate<JavaClass> domainClasses() {
		return new DescribedPredicate<>("domain classes") {
			@Override
			public boolean test(JavaClass type) {
				String name = type.getEnclosingClass().map(JavaClass::getSimpleName).orElse(type.getSimpleName());
				for (String suffix : EDGE_SUFFIXES) {
					if (name.endsWith(suffix)) {
						return false;
					}
				}
				return !name.endsWith("Test") && !name.endsWith("Tests");
			}
		};
	}

}
