package cymru.noddfa.gateway.devauth;

import java.util.List;

import org.junit.jupiter.api.Test;

import cymru.noddfa.gateway.problem.InvalidFieldException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevUserTests {

	private static final List<String> REGIONS = List.of("CTM", "GWE");

	@Test
	void a_panel_member_is_one_subject_per_region_with_the_region_claim() {
		DevUser panel = new DevUser(Role.PANEL, "GWE", null).checkedAgainst(REGIONS);

		assertThat(panel.subject()).isEqualTo("dev:panel:GWE");
		assertThat(panel.claims()).containsEntry("roles", List.of("PANEL"))
			.containsEntry("region", "GWE")
			.doesNotContainKey("provider_id");
	}

	@Test
	void an_admin_belongs_to_no_tenant() {
		DevUser admin = new DevUser(Role.ADMIN, null, null).checkedAgainst(REGIONS);

		assertThat(admin.subject()).isEqualTo("dev:admin:all");
		assertThat(admin.claims()).containsOnlyKeys("roles");
	}

	@Test
	void a_provider_without_a_provider_id_is_refused_naming_the_field() {
		assertThatThrownBy(() -> new DevUser(Role.PROVIDER, null, null).checkedAgainst(REGIONS))
			.isInstanceOf(InvalidFieldException.class)
			.extracting((ex) -> ((InvalidFieldException) ex).field())
			.isEqualTo("providerId");
	}

}
