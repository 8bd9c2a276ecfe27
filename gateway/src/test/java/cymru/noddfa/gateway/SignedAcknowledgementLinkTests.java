package cymru.noddfa.gateway;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acknowledgement link of an alert's email or SMS works without a token, and opens
 * nothing else: its neighbours, other methods and the same path without a signature still
 * need one.
 */
class SignedAcknowledgementLinkTests extends SignedInGatewayTest {

	private static final String LINK = "/api/notifications/v1/alerts/3f1c2a5e-0000-4000-8000-000000000001/acknowledge";

	@Test
	void a_signed_link_opens_the_acknowledgement_page_without_a_token() {
		HttpResponse<String> response = client().get(LINK + "?sig=abc123");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(services.requestsTo("/v1/alerts/3f1c2a5e-0000-4000-8000-000000000001/acknowledge?sig=abc123"))
			.isNotEmpty();
	}

	@Test
	void the_pages_form_posts_the_acknowledgement_without_a_token() {
		HttpResponse<String> response = client().send(client().request(LINK + "?sig=def456")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(""))
			.build());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(services.requestsTo("/v1/alerts/3f1c2a5e-0000-4000-8000-000000000001/acknowledge?sig=def456"))
			.anyMatch((seen) -> seen.method().equals("POST"));
	}

	@Test
	void a_signed_in_person_following_the_link_needs_no_csrf_token_to_acknowledge() {
		HttpResponse<String> response = client().send(client().request(LINK + "?sig=ghi789")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", "SESSION=a-session-of-the-same-browser")
			.POST(HttpRequest.BodyPublishers.ofString(""))
			.build());

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void a_session_call_elsewhere_still_needs_the_csrf_token() {
		HttpResponse<String> response = client().send(client().request("/api/notifications/v1/alerts/x/other?sig=a")
			.header("Cookie", "SESSION=a-session-of-the-same-browser")
			.POST(HttpRequest.BodyPublishers.ofString(""))
			.build());

		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void the_acknowledgement_path_without_a_signature_needs_a_token() {
		assertThat(client().get(LINK).statusCode()).isEqualTo(401);
	}

	@Test
	void another_method_on_the_signed_link_needs_a_token() {
		HttpResponse<String> response = client().send(client().request(LINK + "?sig=abc123").DELETE().build());

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/notifications/v1/alerts/3f1c2a5e-0000-4000-8000-000000000001?sig=abc123",
			"/api/notifications/v1/alerts?sig=abc123",
			"/api/notifications/v1/alerts/3f1c2a5e-0000-4000-8000-000000000001/acknowledge/more?sig=abc123",
			"/api/registry/v1/alerts/3f1c2a5e-0000-4000-8000-000000000001/acknowledge?sig=abc123" })
	void a_neighbour_of_the_link_still_needs_a_token(String path) {
		assertThat(client().get(path).statusCode()).isEqualTo(401);
	}

}
