package cymru.noddfa.registry;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceListsTest extends RegistryComponentTest {

	@Test
	void a_crisis_team_gets_the_regions_needs_bed_types_and_kinds_the_registry_checks_against() {
		Api.Response response = as(identity.crisisTeam("CTM")).get("/v1/reference");

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode lists = response.json();
		assertThat(lists.get("regions")).hasSize(7);
		JsonNode cardiff = lists.get("regions").get(0);
		assertThat(cardiff.get("code").asString()).isEqualTo("CAV");
		assertThat(cardiff.get("nameCy").asString()).isEqualTo("Caerdydd a'r Fro");
		assertThat(cardiff.get("localAuthorities").get(0).get("name").asString()).isEqualTo("Cardiff");
		assertThat(cardiff.get("localAuthorities").get(0).get("nameCy").asString()).isEqualTo("Caerdydd");
		JsonNode crisis = lists.get("needs").get(0);
		assertThat(crisis.get("code").asString()).isEqualTo("MH_CRISIS");
		assertThat(crisis.get("labelCy").asString()).isEqualTo("Argyfwng iechyd meddwl");
		assertThat(lists.get("bedTypes").toString()).contains("CRISIS", "SAFE_SPACE_PLACE");
		assertThat(lists.get("provisionKinds").toString()).contains("CRISIS_UNIT", "SAFE_SPACE");
	}

	@Test
	void without_a_token_the_lists_are_refused() {
		assertThat(this.api.anonymous().get("/v1/reference").status()).isEqualTo(401);
	}

}
