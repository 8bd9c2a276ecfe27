package cymru.noddfa.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People sign in as a browser does: a plain HTTP client with a cookie jar follows the
 * redirects to the development identity provider, picks a demo user on its page, and
 * comes back to the gateway with nothing but a session cookie.
 */
class SignInTests extends SignedInGatewayTest {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	StringRedisTemplate redis;

	@Test
	void a_crisis_team_signs_in_on_the_providers_page_and_the_gateway_knows_who_it_is() {
		Browser browser = new Browser();
		browser.signInAs("dev:crisis-team:CTM");

		HttpResponse<String> me = browser.get("/app/me");

		assertThat(me.statusCode()).isEqualTo(200);
		JsonNode user = GatewayClient.json(me);
		assertThat(user.get("name").asString()).isEqualTo("Crisis team CTM");
		assertThat(user.get("roles").get(0).asString()).isEqualTo("CRISIS_TEAM");
		assertThat(user.get("region").asString()).isEqualTo("CTM");
		assertThat(user.get("providerId").isNull()).isTrue();
		assertThat(me.body()).as("no token leaves for the page").doesNotContain("eyJ");
	}

	/**
	 * Where the deployment names a tile server, the page learns it from {@code /app/me}
	 * and the policy lets images come from that server, and nothing else from it.
	 */
	@Test
	void the_signed_in_page_learns_the_map_tile_server_and_the_policy_lets_its_images_in() {
		Browser browser = new Browser();
		browser.signInAs("dev:crisis-team:CTM");

		HttpResponse<String> me = browser.get("/app/me");
		HttpResponse<String> page = browser.get("/");

		JsonNode map = GatewayClient.json(me).get("map");
		assertThat(map.get("tileUrl").asString()).isEqualTo("https://{s}.tile.example.org/{z}/{x}/{y}.png");
		assertThat(map.get("tileAttribution").asString()).isEqualTo("© Example contributors");
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("default-src 'self'")
				.contains("img-src 'self' https://*.tile.example.org")
				.doesNotContainPattern("(script|style|connect)-src[^;]*example"));
	}

	@Test
	void a_browser_call_with_the_session_and_its_csrf_header_reaches_the_service_with_the_relayed_token()
			throws Exception {
		Browser browser = new Browser();
		browser.signInAs("dev:provider:gwent-partnership");

		HttpResponse<String> response = browser.post("/api/registry/v1/provisions/session-1/confirmations", true);

		assertThat(response.statusCode()).isEqualTo(200);
		String relayed = services.requestsTo("/v1/provisions/session-1/confirmations")
			.getFirst()
			.header("Authorization");
		assertThat(relayed).startsWith("Bearer ");
		SignedJWT token = SignedJWT.parse(relayed.substring("Bearer ".length()));
		assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(ISSUER);
		assertThat(token.getJWTClaimsSet().getAudience()).contains("noddfa");
		assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("dev:provider:gwent-partnership");
		assertThat(token.getJWTClaimsSet().getStringClaim("provider_id")).isEqualTo("gwent-partnership");
		assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("PROVIDER");
	}

	@Test
	void a_state_changing_call_with_the_session_but_without_the_csrf_token_is_refused() {
		Browser browser = new Browser();
		browser.signInAs("dev:panel:POW");

		HttpResponse<String> response = browser.post("/api/registry/v1/provisions/forged-1/confirmations", false);

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(services.requestsTo("/v1/provisions/forged-1")).isEmpty();
	}

	@Test
	void the_session_cookie_is_http_only_and_same_site_and_the_session_lives_in_redis() {
		Browser browser = new Browser();
		List<String> setCookies = browser.signInAs("dev:admin:all");

		assertThat(setCookies).filteredOn((cookie) -> cookie.startsWith("SESSION="))
			.isNotEmpty()
			.allSatisfy((cookie) -> assertThat(cookie).containsIgnoringCase("HttpOnly").contains("SameSite=Lax"));
		HttpCookie session = browser.sessionCookie().orElseThrow();
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(this.redis.keys("*" + session.getValue() + "*")).as("the session is kept in Redis").isNotEmpty();
	}

	@Test
	void signing_out_ends_the_session_here_and_at_the_provider() {
		Browser browser = new Browser();
		browser.signInAs("dev:crisis-team:GWE");

		HttpResponse<String> out = browser.post("/logout", true);

		assertThat(out.statusCode()).isEqualTo(200);
		assertThat(out.uri().toString()).isEqualTo("http://127.0.0.1:" + PORT + "/");
		assertThat(browser.get("/app/me").statusCode()).isEqualTo(401);
		HttpResponse<String> again = browser.get("/oauth2/authorization/noddfa");
		assertThat(again.uri().getPath()).as("the provider asks who to be again").isEqualTo("/login");
	}

	@Test
	void not_signed_in_the_web_app_is_told_so_with_a_401_problem() {
		HttpResponse<String> me = new Browser().get("/app/me");

		assertThat(me.statusCode()).isEqualTo(401);
		assertThat(me.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void a_bearer_call_needs_no_csrf_token_and_gets_no_session() {
		String token = tokenFor("{\"role\":\"ADMIN\"}");

		HttpResponse<String> response = client().send(client().request("/api/registry/v1/provisions/bearer-1")
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Set-Cookie")).noneMatch((cookie) -> cookie.startsWith("SESSION="));
	}

	/**
	 * A browser: a cookie jar and redirects followed, on the gateway's loopback address.
	 */
	private final class Browser {

		private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		/**
		 * Starts at the gateway, picks the user on the provider's page, and answers every
		 * {@code Set-Cookie} seen on the way back.
		 */
		List<String> signInAs(String subject) {
			HttpResponse<String> page = get("/oauth2/authorization/noddfa");
			assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
			assertThat(page.uri().getPath()).isEqualTo("/login");
			assertThat(page.body()).contains("value=\"" + subject + "\"");
			Matcher csrf = CSRF_FIELD.matcher(page.body());
			assertThat(csrf.find()).isTrue();
			String form = "_csrf=" + encode(csrf.group(1)) + "&username=" + encode(subject);
			HttpResponse<String> back = send(HttpRequest.newBuilder(page.uri().resolve("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build());
			assertThat(back.statusCode()).isEqualTo(200);
			assertThat(back.uri().toString()).isEqualTo("http://127.0.0.1:" + PORT + "/");
			List<String> setCookies = new ArrayList<>();
			for (Optional<HttpResponse<String>> step = Optional.of(back); step
				.isPresent(); step = step.get().previousResponse()) {
				setCookies.addAll(step.get().headers().allValues("Set-Cookie"));
			}
			return setCookies;
		}

		HttpResponse<String> get(String path) {
			return send(HttpRequest.newBuilder(gateway(path)).GET().build());
		}

		HttpResponse<String> post(String path, boolean withCsrfHeader) {
			get("/app/me");
			HttpRequest.Builder request = HttpRequest.newBuilder(gateway(path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}"));
			if (withCsrfHeader) {
				request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN").orElseThrow().getValue());
			}
			return send(request.build());
		}

		Optional<HttpCookie> sessionCookie() {
			return cookie("SESSION");
		}

		private Optional<HttpCookie> cookie(String name) {
			return this.cookies.getCookieStore()
				.get(gateway("/"))
				.stream()
				.filter((cookie) -> cookie.getName().equals(name))
				.findFirst();
		}

		private URI gateway(String path) {
			return URI.create("http://127.0.0.1:" + PORT + path);
		}

		private HttpResponse<String> send(HttpRequest request) {
			try {
				return this.http.send(request, HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}
