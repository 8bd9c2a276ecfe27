package cymru.noddfa.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The {@link ArchitectureRules} as tests: a service's architecture test extends this and
 * names its base package, and the build fails when the service breaks a house rule.
 */
public abstract class HouseRulesTest {

	private final String basePackage;

	private final JavaClasses classes;

	protected HouseRulesTest(String basePackage) {
		this.basePackage = basePackage;
		this.classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
			.importPackages(basePackage);
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
		ArchitectureRules.featuresUseOnlyEachOthersApi(this.basePackage).check(this.classes);
	}

	@Test
	void the_domain_is_free_of_frameworks() {
		ArchitectureRules.domainIsFreeOfFrameworks(this.basePackage).check(this.classes);
	}

}
