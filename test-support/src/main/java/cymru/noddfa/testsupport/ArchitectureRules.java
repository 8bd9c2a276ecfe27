package cymru.noddfa.testsupport;

import java.util.List;
import java.util.Optional;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The house rules of STYLE.md as executable checks. Each service's architecture test
 * ({@link HouseRulesTest}) applies them to its own base package.
 * <p>
 * <b>Features.</b> A <em>feature</em> is a package directly below the service's base
 * package ({@code cymru.noddfa.registry.provision}); its sub-packages belong to it. A
 * feature's <em>API</em> is the public types of its top-level package (a nested type only
 * when it and every type around it are public). Everything else of a feature is internal
 * to it: its sub-packages, whatever their modifiers, and its non-public types. Classes in
 * the base package itself (the application, its properties, its problem advice) belong to
 * no feature; they too see only the features' APIs.
 * <p>
 * <b>Edges.</b> A class is an <em>edge</em> by what it is, never by its name: it carries
 * a framework annotation (a Spring stereotype, {@code @Configuration},
 * {@code @ConfigurationProperties}, {@code @RestControllerAdvice}…, directly or as a
 * meta-annotation), one of its methods or constructors does ({@code @Bean},
 * {@code @KafkaListener}, {@code @Scheduled}, {@code @ExceptionHandler}…), or it
 * implements or extends a framework type (a Spring callback such as
 * {@code ApplicationRunner} or {@code WebFilter}, a servlet filter, a Kafka serializer, a
 * JDBC {@code RowMapper}). A type nested in an edge is part of that edge. Every other
 * class is domain logic and stays free of Spring, servlet, JDBC, Kafka and Redis types.
 */
public final class ArchitectureRules {

	/** What the domain never touches, and what makes a class an edge. */
	static final List<String> FRAMEWORK_PACKAGES = List.of("org.springframework", "jakarta.servlet", "org.apache.kafka",
			"java.sql", "javax.sql", "redis.clients", "io.lettuce");

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

	/**
	 * A class uses another feature only through that feature's API: the public types of
	 * its top-level package (see the class comment for the exact terms).
	 */
	public static ArchRule featuresUseOnlyEachOthersApi(String basePackage) {
		return classes().that()
			.resideInAPackage(basePackage + "..")
			.should(useOnlyTheApiOfOtherFeatures(basePackage))
			.because("a feature exposes a small named API and keeps the rest to itself (STYLE.md habit 1)");
	}

	/** Domain classes decide without Spring, servlet, HTTP, JDBC or Kafka types. */
	public static ArchRule domainIsFreeOfFrameworks(String basePackage) {
		return noClasses().that()
			.resideInAPackage(basePackage + "..")
			.and(are(domainClasses()))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(FRAMEWORK_PACKAGES.stream().map((name) -> name + "..").toArray(String[]::new))
			.because("the domain decides and the edges translate (STYLE.md habit 2)");
	}

	private static ArchCondition<JavaClass> useOnlyTheApiOfOtherFeatures(String basePackage) {
		return new ArchCondition<>("use only the API of other features") {
			@Override
			public void check(JavaClass origin, ConditionEvents events) {
				Optional<String> own = feature(basePackage, origin);
				for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
					JavaClass target = dependency.getTargetClass().getBaseComponentType();
					Optional<String> theirs = feature(basePackage, target);
					if (theirs.isEmpty() || theirs.equals(own)) {
						continue;
					}
					if (!isApi(basePackage + "." + theirs.get(), target)) {
						events.add(SimpleConditionEvent.violated(dependency,
								dependency.getDescription() + ", which is internal to feature '" + theirs.get() + "'"));
					}
				}
			}
		};
	}

	/** The feature a class belongs to, or empty for the base package and the outside. */
	static Optional<String> feature(String basePackage, JavaClass type) {
		String name = type.getPackageName();
		if (!name.startsWith(basePackage + ".")) {
			return Optional.empty();
		}
		String below = name.substring(basePackage.length() + 1);
		int dot = below.indexOf('.');
		return Optional.of((dot < 0) ? below : below.substring(0, dot));
	}

	private static boolean isApi(String featurePackage, JavaClass type) {
		if (!type.getPackageName().equals(featurePackage)) {
			return false;
		}
		for (JavaClass t = type; t != null; t = t.getEnclosingClass().orElse(null)) {
			if (!t.getModifiers().contains(JavaModifier.PUBLIC)) {
				return false;
			}
		}
		return true;
	}

	private static DescribedPredicate<JavaClass> domainClasses() {
		return new DescribedPredicate<>("domain classes (not edges)") {
			@Override
			public boolean test(JavaClass type) {
				return !isEdge(type);
			}
		};
	}

	/** An edge by what it is: see the class comment. */
	static boolean isEdge(JavaClass type) {
		for (JavaClass t = type; t != null; t = t.getEnclosingClass().orElse(null)) {
			if (isEdgeItself(t)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isEdgeItself(JavaClass type) {
		if (type.getAnnotations().stream().anyMatch(ArchitectureRules::isFrameworkAnnotation)) {
			return true;
		}
		boolean annotatedMember = type.getCodeUnits()
			.stream()
			.flatMap((member) -> member.getAnnotations().stream())
			.anyMatch(ArchitectureRules::isFrameworkAnnotation);
		if (annotatedMember) {
			return true;
		}
		return type.getAllRawSuperclasses().stream().anyMatch(ArchitectureRules::isFramework)
				|| type.getAllRawInterfaces().stream().anyMatch(ArchitectureRules::isFramework);
	}

	private static boolean isFrameworkAnnotation(JavaAnnotation<?> annotation) {
		JavaClass type = annotation.getRawType();
		return isFramework(type) || type.getAnnotations().stream().anyMatch((meta) -> isFramework(meta.getRawType()));
	}

	private static boolean isFramework(JavaClass type) {
		String name = type.getPackageName();
		return FRAMEWORK_PACKAGES.stream()
			.anyMatch((framework) -> name.equals(framework) || name.startsWith(framework + "."));
	}

}
