package cymru.noddfa.testsupport;

import java.util.EnumSet;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The {@link ArchitectureRules} as tests: a service's architecture test extends this and
 * names its base package, and the build fails when the service breaks a house rule.
 * <p>
 * A service still being brought under a rule names it as {@link Pending}: the rule is
 * then reported as skipped, not passed, until the argument is removed.
 */
public abstract class HouseRulesTest {

	/** The rules a service may hold back while it is being brought under them. */
	public enum Pending {

		FEATURES_USE_ONLY_EACH_OTHERS_API, DOMAIN_FREE_OF_FRAMEWORKS

	}

	private final String basePackage;

	private final JavaClasses classes;

	private final Set<Pending> pending;

	protected HouseRulesTest(String basePackage, Pending... pending) {
		this.basePackage = basePackage;
		this.classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
			.importPackages(basePackage);
		this.pending = (pending.length == 0) ? EnumSet.noneOf(Pending.class) : EnumSet.of(pending[0], pending);
	}

	@Test
	void packages_are_features_not_layers() {
		ArchitectureRules.packagesAreFeaturesNotLayers(this.basePackage).check(this.classes);
	}

	@Test
	void features_have_no_cycles() {
		ArchitectureRules.featuresHaveNoCycles(this.basePackage).check(this.classes);
	}

	@Test
	void features_use_only_each_others_api() {
		assumeFalse(this.pending.contains(Pending.FEATURES_USE_ONLY_EACH_OTHERS_API), "pending in this service");
		ArchitectureRules.featuresUseOnlyEachOthersApi(this.basePackage).check(this.classes);
	}

	@Test
	void the_domain_is_free_of_frameworks() {
		assumeFalse(this.pending.contains(Pending.DOMAIN_FREE_OF_FRAMEWORKS), "pending in this service");
		ArchitectureRules.domainIsFreeOfFrameworks(this.basePackage).check(this.classes);
	}

}
