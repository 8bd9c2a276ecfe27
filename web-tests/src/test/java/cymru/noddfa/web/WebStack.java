package cymru.noddfa.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cymru.noddfa.infra.EmbeddedInfrastructure;
import cymru.noddfa.infra.FreePort;
import cymru.noddfa.stack.Stack;
import cymru.noddfa.stack.StackOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole stack, started once for every journey in this JVM (each start costs minutes),
 * on free ports so that it never collides with a local stack someone is running, and
 * stopped when the JVM exits. Without demo data: each journey registers the beds it needs
 * through the API with an administrator's development token.
 */
final class WebStack {

	/** The demo provider whose on-call team answers the holds. */
	static final String PROVIDER = "cwm-taf-morgannwg-partnership";

	/**
	 * The on-call phone of the units near Bridgend, from the range Ofcom keeps for drama
	 * (never anyone's number).
	 */
	static final String ON_CALL_PHONE = "01632 960123";

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	private static String app;

	private WebStack() {
	}

	/** The web app's address, as the browsers open it. */
	static synchronized String app() {
		if (app == null) {
			try {
				Path dataDir = Files.createTempDirectory("noddfa-web-test");
				Path servicesDir = Path.of(System.getProperty("noddfa.services-dir", "../local-stack/target/services"));
				StackOptions options = new StackOptions(dataDir, servicesDir, EmbeddedInfrastructure.Ports.any(),
						new StackOptions.ServicePorts(FreePort.pick(), FreePort.pick(), FreePort.pick(),
								FreePort.pick(), FreePort.pick(), 0),
						"local", false, List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"),
						// two browsers poll every few seconds and fetch the components,
						// from
						// one address
						Map.of(Stack.GATEWAY, List.of("--noddfa.gateway.rate-limit.anonymous.per-second=500",
								"--noddfa.gateway.rate-limit.anonymous.burst=1000")));
				Stack stack = Stack.start(options, Duration.ofSeconds(240));
				Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "web-test-stack-stop"));
				// the redirect URIs the identity provider accepts name localhost
				app = stack.gatewayUrl().replace("127.0.0.1", "localhost");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return app;
	}

	/**
	 * A 24/7 unit of the demo provider a few hundred metres from Bridgend (in Cwm Taf
	 * Morgannwg, over 100 km from Newtown), taking 11 to 17-year-olds in mental-health
	 * crisis, with one kind of bed and an on-call phone ({@link #ON_CALL_PHONE}).
	 */
	static String unitNearBridgend(String id, String name, String kind, String bedType, int total, int available) {
		return """
				{"id": "%s", "providerId": "%s", "name": "%s", "kind": "%s",
				 "regionCode": "CTM", "localAuthority": "Bridgend", "location": {"lat": 51.5080, "lon": -3.5850},
				 "ageRange": {"min": 11, "max": 17}, "accepts": "ANY", "needsMet": ["MH_CRISIS", "SELF_HARM"],
				 "exclusions": [], "admissions": {"always": true, "windows": []}, "stalenessWindowHours": 12,
				 "onCallPhone": "%s", "vacancies": [{"bedType": "%s", "total": %d, "available": %d}]}
				""".formatted(id, PROVIDER, name, kind, ON_CALL_PHONE, bedType, total, available);
	}

	/** Registers a provision as an administrator would, through the registry's API. */
	static void register(String provision) {
		HttpResponse<String> created = http(HttpRequest.newBuilder(URI.create(app() + "/api/registry/v1/provisions"))
			.header("Authorization", "Bearer " + token("{\"role\":\"ADMIN\"}"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(provision))
			.build());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

	/**
	 * Sets one bed type's counts as an administrator would, through the registry's API,
	 * guarded by the provision's current ETag.
	 */
	static void setVacancy(String provisionId, String bedType, int total, int available) {
		String provision = app() + "/api/registry/v1/provisions/" + provisionId;
		String admin = "Bearer " + token("{\"role\":\"ADMIN\"}");
		HttpResponse<String> current = http(
				HttpRequest.newBuilder(URI.create(provision)).header("Authorization", admin).GET().build());
		assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
		HttpResponse<String> changed = http(HttpRequest.newBuilder(URI.create(provision + "/vacancies/" + bedType))
			.header("Authorization", admin)
			.header("Content-Type", "application/json")
			.header("If-Match", current.headers().firstValue("ETag").orElseThrow())
			.PUT(HttpRequest.BodyPublishers.ofString("{\"total\": %d, \"available\": %d}".formatted(total, available)))
			.build());
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
	}

	/** A development token for scripts, as the README describes. */
	static String token(String request) {
		HttpResponse<String> response = http(HttpRequest.newBuilder(URI.create(app() + "/dev-auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(request))
			.build());
		Matcher matcher = ACCESS_TOKEN.matcher(response.body());
		assertThat(matcher.find()).as(response.body()).isTrue();
		return matcher.group(1);
	}

	static HttpResponse<String> http(HttpRequest request) {
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
