package cymru.noddfa.notifications;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionsTest extends ServiceTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void a_new_subscription_shows_its_secret_once_and_can_be_read_listed_and_removed() {
		JsonNode created = this.json.readTree(subscribe("""
				{"regionCode": "CTM", "eventTypes": ["HoldPlaced", "ReferralEscalated"], "channel": "WEBHOOK",
				 "url": "http://127.0.0.1:9/hooks/ctm"}
				"""));
		String id = created.get("id").asString();
		assertThat(created.get("secret").asString()).startsWith("whsec_").hasSizeGreaterThan(40);
		assertThat(created.get("regionCode").asString()).isEqualTo("CTM");
		assertThat(created.get("channel").asString()).isEqualTo("WEBHOOK");

		this.http.get()
			.uri("/v1/subscriptions/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(id)
			.jsonPath("$.eventTypes[0]")
			.isEqualTo("HoldPlaced")
			.jsonPath("$.eventTypes[1]")
			.isEqualTo("ReferralEscalated")
			.jsonPath("$.url")
			.isEqualTo("http://127.0.0.1:9/hooks/ctm")
			.jsonPath("$.secret")
			.doesNotExist();
		this.http.get()
			.uri("/v1/subscriptions")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == '%s')].url".formatted(id))
			.isEqualTo("http://127.0.0.1:9/hooks/ctm")
			.jsonPath("$[*].secret")
			.doesNotExist();

		this.http.delete().uri("/v1/subscriptions/{id}", id).exchange().expectStatus().isNoContent();
		this.http.get()
			.uri("/v1/subscriptions/{id}", id)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://noddfa.cymru/problems/subscription-not-found")
			.jsonPath("$.field")
			.isEqualTo("id");
		this.http.delete().uri("/v1/subscriptions/{id}", id).exchange().expectStatus().isNotFound();
	}

	@Test
	void region_and_event_types_may_be_left_out_to_hear_everything() {
		JsonNode created = this.json
			.readTree(subscribe("{\"channel\": \"WEBHOOK\", \"url\": \"http://127.0.0.1:9/all\"}"));
		assertThat(created.has("regionCode")).isFalse();
		assertThat(created.get("eventTypes").isEmpty()).isTrue();
	}

	@Test
	void the_api_is_described_at_v3_api_docs() {
		this.http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/v1/subscriptions'].post")
			.exists()
			.jsonPath("$.paths['/v1/notifications'].get")
			.exists()
			.jsonPath("$.paths['/v1/alerts/{id}/acknowledgement'].post")
			.exists()
			// who is asking comes from the token, never from a parameter
			.jsonPath("$.paths['/v1/subscriptions'].get.parameters")
			.doesNotExist()
			.jsonPath("$.paths['/v1/feed'].get.parameters")
			.doesNotExist()
			.jsonPath("$.paths['/v1/alerts/{id}/acknowledgement'].post.requestBody")
			.doesNotExist()
			.jsonPath("$.components.securitySchemes.bearer.scheme")
			.isEqualTo("bearer")
			.jsonPath("$.paths['/v1/notifications'].get.responses['403']")
			.exists()
			// the signed link in a message needs no token
			.jsonPath("$.paths['/v1/alerts/{id}/acknowledge'].get.security")
			.isEmpty()
			.jsonPath("$.paths['/v1/alerts/{id}/acknowledge'].get.responses['401']")
			.doesNotExist();
	}

	@Test
	void a_webhook_to_the_metadata_service_is_refused_even_locally() {
		this.http.post()
			.uri("/v1/subscriptions")
			.header("Content-Type", "application/json")
			.body("{\"channel\": \"WEBHOOK\", \"url\": \"http://169.254.169.254/latest/meta-data\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://noddfa.cymru/problems/webhook-url-refused")
			.jsonPath("$.field")
			.isEqualTo("url")
			.jsonPath("$.reason")
			.isEqualTo("PRIVATE_ADDRESS");
	}

}
