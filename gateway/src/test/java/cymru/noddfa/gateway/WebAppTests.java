package cymru.noddfa.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class WebAppTests extends GatewayTest {

	private static final Pattern QUOTED_KEY = Pattern.compile("'(app\\.[a-z0-9.-]+)'");

	private static final Pattern ATTRIBUTE_KEY = Pattern.compile("data-(?:text|label)=\"(app\\.[a-z0-9.-]+)\"");

	@Test
	void the_page_is_served_at_the_root_with_the_security_headers_and_no_inline_script_or_style() {
		HttpResponse<String> response = client().get("/");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("default-src 'self'"));
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		String html = response.body();
		assertThat(html).contains("<script type=\"module\" src=\"/app.js\"></script>",
				"<link rel=\"stylesheet\" href=\"/app.css\">",
				"<link rel=\"stylesheet\" href=\"/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css\">",
				"<link rel=\"stylesheet\" href=\"/webjars/leaflet/dist/leaflet.css\">");
		assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>").matcher(html).find()).as("a <script> without src")
			.isFalse();
		assertThat(html).doesNotContain(" style=", "<style", "javascript:", " onclick=", " onload=", " onsubmit=");
		assertThat(html).as("nothing from another origin").doesNotContain("http://", "https://", "//cdn");
	}

	@Test
	void the_apps_own_script_stays_under_its_100_kb_budget() {
		HttpResponse<String> script = client().get("/app.js");

		assertThat(script.statusCode()).isEqualTo(200);
		// the budget of a page that must be usable on a phone at 2 a.m.; libraries apart
		assertThat(script.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(100 * 1024);
	}

	@Test
	void the_script_and_the_style_sheet_are_served_with_their_content_types() {
		HttpResponse<String> script = client().get("/app.js");
		HttpResponse<String> style = client().get("/app.css");

		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(script.body()).contains("/app/messages").doesNotContain("eval(", "innerHTML");
		assertThat(script.body().getBytes(StandardCharsets.UTF_8)).as("the app's own script stays small")
			.hasSizeLessThan(100 * 1024);
		assertThat(script.body()).as("no token in page script's reach")
			.doesNotContain("sessionStorage", "Authorization", "/dev-auth/token");
		assertThat(style.statusCode()).isEqualTo(200);
		assertThat(style.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/css"));
	}

	@Test
	void the_govuk_frontend_components_are_served_from_their_webjar_without_a_version_in_the_path() {
		HttpResponse<String> style = client().get("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css");
		HttpResponse<String> script = client().get("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js");

		assertThat(style.statusCode()).isEqualTo(200);
		assertThat(style.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/css"));
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.body()).contains("initAll");
	}

	@Test
	void leaflet_is_served_from_its_webjar_and_the_wales_outline_from_the_app_same_origin() {
		HttpResponse<String> script = client().get("/webjars/leaflet/dist/leaflet.js");
		HttpResponse<String> style = client().get("/webjars/leaflet/dist/leaflet.css");
		HttpResponse<String> outline = client().get("/map/wales.json");

		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(script.body()).contains("Leaflet");
		assertThat(style.statusCode()).isEqualTo(200);
		assertThat(style.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/css"));
		assertThat(outline.statusCode()).isEqualTo(200);
		assertThat(outline.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(outline.body().getBytes(StandardCharsets.UTF_8)).as("a small outline").hasSizeLessThan(8 * 1024);
	}

	/**
	 * The outline is a GeoJSON MultiPolygon of the mainland and Anglesey, each ring
	 * closed, every point in and around Wales, spanning it from Holyhead to the Severn.
	 */
	@Test
	void the_wales_outline_is_closed_geojson_around_wales() {
		JsonNode outline = GatewayClient.json(client().get("/map/wales.json"));

		assertThat(outline.get("type").asString()).isEqualTo("FeatureCollection");
		JsonNode geometry = outline.get("features").get(0).get("geometry");
		assertThat(geometry.get("type").asString()).isEqualTo("MultiPolygon");
		JsonNode polygons = geometry.get("coordinates");
		assertThat(polygons.size()).isGreaterThanOrEqualTo(2);
		double west = 180;
		double east = -180;
		double south = 90;
		double north = -90;
		for (JsonNode polygon : polygons) {
			JsonNode ring = polygon.get(0);
			assertThat(ring.size()).isGreaterThanOrEqualTo(4);
			assertThat(ring.get(0)).as("a closed ring").isEqualTo(ring.get(ring.size() - 1));
			for (JsonNode point : ring) {
				west = Math.min(west, point.get(0).asDouble());
				east = Math.max(east, point.get(0).asDouble());
				south = Math.min(south, point.get(1).asDouble());
				north = Math.max(north, point.get(1).asDouble());
			}
		}
		assertThat(west).isBetween(-5.5, -5.1);
		assertThat(east).isBetween(-2.8, -2.5);
		assertThat(south).isBetween(51.3, 51.45);
		assertThat(north).isBetween(53.35, 53.5);
	}

	@Test
	void without_a_tile_server_the_policy_lets_images_come_from_the_gateway_alone() {
		HttpResponse<String> response = client().get("/");

		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("default-src 'self'")
				.doesNotContain("img-src")
				.doesNotContain("http"));
	}

	@Test
	void the_page_text_comes_in_english_and_welsh_with_the_same_keys() {
		JsonNode english = GatewayClient.json(client().get("/app/messages", "Accept-Language", "en-GB"));
		JsonNode welsh = GatewayClient.json(client().get("/app/messages?lang=cy"));
		JsonNode welshByHeader = GatewayClient.json(client().get("/app/messages", "Accept-Language", "cy-GB,cy;q=0.9"));

		assertThat(english.get("lang").asString()).isEqualTo("en");
		assertThat(welsh.get("lang").asString()).isEqualTo("cy");
		assertThat(welshByHeader.get("lang").asString()).isEqualTo("cy");
		assertThat(keys(english)).isNotEmpty().allMatch((key) -> key.startsWith("app.")).isEqualTo(keys(welsh));
		assertThat(english.get("messages").get("app.search.heading").asString()).isEqualTo("Search for a bed");
		assertThat(welsh.get("messages").get("app.search.heading").asString()).isEqualTo("Chwilio am wely");
		assertThat(welsh.get("messages").get("app.region.CAV").asString()).as("apostrophes survive formatting")
			.isEqualTo("Caerdydd a'r Fro");
		assertThat(english.get("messages").get("app.search.found").asString()).as("placeholders reach the page")
			.isEqualTo("Found {0} suitable places.");
	}

	@Test
	void a_language_without_a_bundle_gets_english() {
		JsonNode answer = GatewayClient.json(client().get("/app/messages?lang=fr"));

		assertThat(answer.get("lang").asString()).isEqualTo("en");
		assertThat(answer.get("messages").get("app.search.heading").asString()).isEqualTo("Search for a bed");
	}

	@Test
	void every_word_the_page_shows_is_in_the_bundle() throws IOException {
		Set<String> known = keys(GatewayClient.json(client().get("/app/messages")));
		String html = resource("/static/index.html");
		String script = resource("/static/app.js");
		Set<String> used = new LinkedHashSet<>();
		Set<String> prefixes = new LinkedHashSet<>();
		for (Matcher matcher : List.of(ATTRIBUTE_KEY.matcher(html), QUOTED_KEY.matcher(script))) {
			while (matcher.find()) {
				String key = matcher.group(1);
				(key.endsWith(".") ? prefixes : used).add(key);
			}
		}
		// regions, needs and bed types come from the registry (GET /v1/reference), not
		// from the script
		Map<String, String> codeLists = Map.of("ROLES", "app.role.", "SEXES", "app.sex.");
		codeLists.forEach((constant, prefix) -> {
			Matcher list = Pattern.compile("const " + constant + " = \\[([^\\]]*)\\]").matcher(script);
			assertThat(list.find()).as(constant).isTrue();
			Matcher code = Pattern.compile("'([A-Z_]*)'").matcher(list.group(1));
			while (code.find()) {
				used.add(prefix + (code.group(1).isEmpty() ? "any" : code.group(1)));
			}
		});

		assertThat(used).hasSizeGreaterThan(50);
		assertThat(known).containsAll(used);
		assertThat(prefixes)
			.allSatisfy((prefix) -> assertThat(known).as(prefix).anyMatch((key) -> key.startsWith(prefix)));
	}

	private static Set<String> keys(JsonNode answer) {
		Set<String> keys = new LinkedHashSet<>();
		answer.get("messages").propertyNames().forEach(keys::add);
		return keys;
	}

	private static String resource(String path) throws IOException {
		try (InputStream in = WebAppTests.class.getResourceAsStream(path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
