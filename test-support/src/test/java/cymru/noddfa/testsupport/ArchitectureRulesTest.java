package cymru.noddfa.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ArchitectureRulesTest {

	private static final String FIXTURE = "cymru.noddfa.testsupport.fixture";

	@Test
	void a_feature_using_another_only_through_its_api_passes() {
		String base = FIXTURE + ".clean";
		assertThatNoException()
			.isThrownBy(() -> ArchitectureRules.featuresUseOnlyEachOthersApi(base).check(classes(base)));
	}

	@Test
	void a_feature_reaching_into_another_features_sub_package_fails() {
		String base = FIXTURE + ".reaching";
		assertThat(ArchitectureRules.featuresUseOnlyEachOthersApi(base)
			.evaluate(classes(base))
			.getFailureReport()
			.getDetails()).isNotEmpty()
			.allMatch((line) -> line.contains("reaching.beta.Betas") && line.contains("internal to feature 'alpha'"));
	}

	@Test
	void a_feature_using_its_own_sub_package_passes() {
		String base = FIXTURE + ".reaching";
		assertThat(ArchitectureRules.featuresUseOnlyEachOthersApi(base)
			.evaluate(classes(base))
			.getFailureReport()
			.getDetails()).noneMatch((line) -> line.contains("reaching.alpha.Alphas"));
	}

	@Test
	void domain_logic_named_like_an_edge_that_uses_jdbc_fails() {
		String base = FIXTURE + ".framework";
		assertThat(ArchitectureRules.domainIsFreeOfFrameworks(base)
			.evaluate(classes(base))
			.getFailureReport()
			.getDetails()).isNotEmpty().allMatch((line) -> line.contains("framework.domain.TallyStore"));
	}

	@Test
	void components_framework_callbacks_and_their_nested_types_are_edges_that_may_use_frameworks() {
		String base = FIXTURE + ".framework.edge";
		assertThatNoException().isThrownBy(() -> ArchitectureRules.domainIsFreeOfFrameworks(base).check(classes(base)));
	}

	@Test
	void an_edge_is_known_by_what_it_is_not_by_its_name() {
		JavaClasses classes = classes(FIXTURE + ".framework");
		assertThat(ArchitectureRules.isEdge(classes.get(FIXTURE + ".framework.edge.Tallies"))).isTrue();
		assertThat(ArchitectureRules.isEdge(classes.get(FIXTURE + ".framework.edge.TallyRepository$Row"))).isTrue();
		assertThat(ArchitectureRules.isEdge(classes.get(FIXTURE + ".framework.edge.Counting"))).isFalse();
		assertThat(ArchitectureRules.isEdge(classes.get(FIXTURE + ".framework.domain.TallyStore"))).isFalse();
	}

	private static JavaClasses classes(String basePackage) {
		return new ClassFileImporter().importPackages(basePackage);
	}

}
