package cymru.noddfa.matcher;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import cymru.noddfa.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

	private static final String BASE = "cymru.noddfa.matcher";

	private final JavaClasses classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
		.importPackages(BASE);

	@Test
	void packages_are_features_not_layers() {
		ArchitectureRules.packagesAreFeaturesNotLayers(BASE).check(this.classes);
	}

	@Test
	void features_have_no_cycles() {
		ArchitectureRules.featuresHaveNoCycles(BASE).check(this.classes);
	}

	@Test
	void domain_is_free_of_frameworks() {
		ArchitectureRules.domainIsFreeOfFrameworks(BASE).check(this.classes);
	}

}
