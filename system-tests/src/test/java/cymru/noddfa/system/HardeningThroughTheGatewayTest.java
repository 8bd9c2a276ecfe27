package cymru.noddfa.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cymru.noddfa.infra.PostgresServer;
import cymru.noddfa.stack.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16's hardening as a caller meets it, through the gateway only: a search that asks
 * for an absurd distance is refused at once; the signed acknowledgement link in a text
 * message works end to end for someone with no token, and nothing else opens without one;
 * a crisis team reading a referral's notification log sees that providers were told, but
 * not where.
 */
class HardeningThroughTheGatewayTest {

	private static final String SEARCH_FROM_BRIDGEND = "/api/matching/v1/searches?place=Bridgend&regionCode=CTM&age=14"
			+ "&sex=FEMALE&bedType=CRISIS&needs=MH_CRISIS";

	private static final Pattern ACKNOWLEDGEMENT_LINK = Pattern
		.compile("(http\\S+/api/notifications/v1/alerts/([0-9a-f-]{36})/acknowledge\\?\\S+)");

	private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");

	static Stack stack;

	static Api anonymous;

	static DevTokens tokens;

	static Api admin;

	static Api crisisTeam;

	static NotifySink phones;

	/** A person's browser: no token, no cookie, no JSON. */
	static HttpClient browser;

	@BeforeAll
	static void startTheStack() {
		stack = RunningStack.get();
		phones = RunningStack.messages();
		anonymous = new Api(stack.gatewayUrl());
		tokens = new DevTokens(anonymous);
		admin = anonymous.as(tokens.admin());
		crisisTeam = anonymous.as(tokens.crisisTeam("CTM"));
		browser = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(2))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		// a freshly started service may be slower than the gateway's timeout on its first
		// requests; a write is not retried, so reads warm each one first
		await().atMost(Duration.ofSeconds(60))
			.until(() -> crisisTeam.get(SEARCH_FROM_BRIDGEND).status() == 200
					&& crisisTeam.get("/api/matching/v1/referrals?regionCode=CTM").status() == 200
					&& crisisTeam.get("/api/notifications/v1/subscriptions").status() == 200
					&& admin.get("/api/registry/v1/provisions").status() == 200);
	}

	@Test
	void a_search_with_an_absurd_distance_is_a_400_problem_answered_well_within_two_seconds() {
		long started = System.nanoTime();
		Api.Response refused = crisisTeam.get(SEARCH_FROM_BRIDGEND + "&maxKm=1e300");
		long tookMs = (System.nanoTime() - started) / 1_000_000;
		System.out.printf("A search with maxKm=1e300 answered %d in %d ms%n", refused.status(), tookMs);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(tookMs).isLessThan(2_000);
	}

	@Test
	void the_signed_link_in_a_providers_text_message_acknowledges_the_hold_alert_without_a_token_and_opens_nothing_else()
			throws Exception {
		String providerId = Provisions.newId("ack-link");
		Api provider = anonymous.as(tokens.provider(providerId));
		String unit = provisionOf(providerId);
		String phone = phoneNumber();
		String contactId = dutyContact(unit, "SMS", phone);
		String referralId = referral();
		hold(referralId, unit);

		await().atMost(Duration.ofSeconds(15)).until(() -> !phones.to(phone).isEmpty());
		NotifySink.Message text = phones.to(phone).get(0);
		Matcher found = ACKNOWLEDGEMENT_LINK.matcher(text.body());
		assertThat(found.find()).as(text.body()).isTrue();
		String link = found.group(1);
		String alertId = found.group(2);
		// the link leads to this stack's gateway, the address a person can reach
		assertThat(link).startsWith(stack.gatewayUrl() + "/api/notifications/v1/alerts/" + alertId + "/acknowledge?")
			.contains("contact=" + contactId)
			.contains("exp=")
			.contains("sig=");
		assertThat(acknowledgedAt(provider, alertId)).isNull();

		HttpResponse<String> page = browse("GET", link);
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		Matcher form = FORM_ACTION.matcher(page.body());
		assertThat(form.find()).as(page.body()).isTrue();
		String action = form.group(1).replace("&amp;", "&");
		// the form posts to the public address the page was opened at, under the
		// gateway's /api/notifications
		assertThat(action).isEqualTo(link);
		// opening the page (as a mail scanner does) changes nothing
		assertThat(acknowledgedAt(provider, alertId)).isNull();

		HttpResponse<String> tampered = browse("GET", tamperedSignature(link));
		assertThat(tampered.statusCode()).as(tampered.body()).isBetween(400, 499);
		assertThat(tampered.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		HttpResponse<String> tamperedPost = browse("POST", tamperedSignature(action));
		assertThat(tamperedPost.statusCode()).as(tamperedPost.body()).isBetween(400, 499);
		assertThat(acknowledgedAt(provider, alertId)).isNull();

		String unsigned = link.substring(stack.gatewayUrl().length(), link.indexOf("&sig="));
		for (String path : List.of(unsigned, "/api/notifications/v1/alerts/" + alertId,
				"/api/notifications/v1/alerts?region=CTM", "/api/notifications/v1/notifications?referral=" + referralId,
				"/api/notifications/v1/subscriptions")) {
			Api.Response refused = anonymous.get(path);
			assertThat(refused.status()).as(path + " " + refused).isEqualTo(401);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		}
		Api.Response notByTokenRoute = anonymous.post("/api/notifications/v1/alerts/" + alertId + "/acknowledgement",
				"");
		assertThat(notByTokenRoute.status()).as(notByTokenRoute.toString()).isEqualTo(401);
		assertThat(acknowledgedAt(provider, alertId)).isNull();

		HttpResponse<String> pressed = browse("POST", action);
		assertThat(pressed.statusCode()).as(pressed.body()).isEqualTo(200);
		assertThat(pressed.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");

		Api.Response alert = provider.get("/api/notifications/v1/alerts/" + alertId);
		assertThat(alert.status()).as(alert.toString()).isEqualTo(200);
		assertThat(alert.json().get("acknowledgedAt").isNull()).as(alert.toString()).isFalse();
		assertThat(alert.json().get("acknowledgedBy").asString()).isEqualTo("contact:" + contactId);
		assertThat(alert.json().get("referralId").asString()).isEqualTo(referralId);

		// the audit trail records the acknowledgement without the link's signature
		String signature = link.substring(link.indexOf("&sig=") + "&sig=".length());
		Api.Response trail = admin.get("/api/notifications/v1/audit?path=/v1/alerts/" + alertId + "/acknowledge");
		assertThat(trail.status()).as(trail.toString()).isEqualTo(200);
		assertThat(trail.json().size()).as(trail.toString()).isPositive();
		assertThat(trail.body()).doesNotContain(signature);
	}

	@Test
	void a_crisis_teams_notification_log_masks_each_providers_webhook_phone_and_email_while_each_provider_sees_its_own()
			throws Exception {
		String alpha = Provisions.newId("alpha");
		String beta = Provisions.newId("beta");
		Api alphaProvider = anonymous.as(tokens.provider(alpha));
		Api betaProvider = anonymous.as(tokens.provider(beta));
		try (WebhookReceiver alphaHook = new WebhookReceiver();
				WebhookReceiver betaHook = new WebhookReceiver();
				WebhookReceiver teamHook = new WebhookReceiver()) {
			String alphaUnit = provisionOf(alpha);
			String betaUnit = provisionOf(beta);
			subscribe(alphaProvider, Map.of("channel", "WEBHOOK", "url", alphaHook.url("/alpha")));
			subscribe(betaProvider, Map.of("channel", "WEBHOOK", "url", betaHook.url("/beta")));
			subscribe(crisisTeam, Map.of("regionCode", "CTM", "eventTypes", List.of("HoldDeclined"), "channel",
					"WEBHOOK", "url", teamHook.url("/ctm")));
			String alphaPhone = phoneNumber();
			dutyContact(alphaUnit, "SMS", alphaPhone);
			String betaEmail = "duty-" + beta + "@beta-care.example";
			dutyContact(betaUnit, "EMAIL", betaEmail);

			String referralId = referral();
			String alphaHold = hold(referralId, alphaUnit);
			Api.Response declined = alphaProvider.post(
					"/api/matching/v1/referrals/" + referralId + "/holds/" + alphaHold + "/decline",
					Map.of("reasonCode", "NO_STAFF"));
			assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
			hold(referralId, betaUnit);

			String log = "/api/notifications/v1/notifications?referral=" + referralId;
			String alphaMasked = "webhook of provider " + alpha;
			String betaMasked = "webhook of provider " + beta;
			String phoneMasked = "sms ••••" + alphaPhone.substring(alphaPhone.length() - 4);
			String emailMasked = "email ••••@beta-care.example";
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				Api.Response seen = crisisTeam.get(log);
				assertThat(seen.status()).as(seen.toString()).isEqualTo(200);
				assertThat(delivered(seen.json(), alphaMasked)).as(seen.toString()).isTrue();
				assertThat(delivered(seen.json(), betaMasked)).as(seen.toString()).isTrue();
				assertThat(delivered(seen.json(), phoneMasked)).as(seen.toString()).isTrue();
				assertThat(delivered(seen.json(), emailMasked)).as(seen.toString()).isTrue();
				assertThat(delivered(seen.json(), teamHook.url("/ctm"))).as(seen.toString()).isTrue();
			});

			Api.Response teamView = crisisTeam.get(log);
			// the team's own webhook is shown in full; no provider's address is shown at
			// all
			assertThat(teamView.body()).contains(teamHook.url("/ctm"))
				.doesNotContain(alphaHook.url(""))
				.doesNotContain(betaHook.url(""))
				.doesNotContain(alphaPhone)
				.doesNotContain(betaEmail);
			// nor any error text about a masked target, which could name its host
			for (JsonNode delivery : teamView.json()) {
				if (List.of(alphaMasked, betaMasked, phoneMasked, emailMasked)
					.contains(delivery.get("target").asString())) {
					assertThat(delivery.get("lastError").isNull()).as(delivery.toString()).isTrue();
					for (JsonNode attempt : delivery.get("attemptLog")) {
						assertThat(attempt.path("error").isMissingNode() || attempt.get("error").isNull())
							.as(delivery.toString())
							.isTrue();
					}
				}
			}

			// the people and systems told are who the masks say: an admin sees every
			// target, and the providers' receivers and phones got their messages
			Api.Response adminView = admin.get(log);
			assertThat(adminView.status()).as(adminView.toString()).isEqualTo(200);
			assertThat(adminView.body()).contains(alphaHook.url("/alpha"), betaHook.url("/beta"), alphaPhone,
					betaEmail);
			assertThat(alphaHook.calls()).anyMatch((call) -> call.body().contains(referralId));
			assertThat(betaHook.calls()).anyMatch((call) -> call.body().contains(referralId));
			assertThat(phones.to(alphaPhone)).isNotEmpty();
			assertThat(phones.to(betaEmail)).isNotEmpty();

			// each provider sees its own target, and only its own
			Api.Response alphaSubscriptions = alphaProvider.get("/api/notifications/v1/subscriptions");
			assertThat(alphaSubscriptions.status()).as(alphaSubscriptions.toString()).isEqualTo(200);
			assertThat(alphaSubscriptions.body()).contains(alphaHook.url("/alpha"))
				.doesNotContain(betaHook.url(""))
				.doesNotContain(teamHook.url(""));
			Api.Response betaSubscriptions = betaProvider.get("/api/notifications/v1/subscriptions");
			assertThat(betaSubscriptions.body()).contains(betaHook.url("/beta")).doesNotContain(alphaHook.url(""));
			// and a provider does not read a referral's log, which is the child's
			// region's
			Api.Response providerLog = alphaProvider.get(log);
			assertThat(providerLog.status()).as(providerLog.toString()).isEqualTo(403);
		}
	}

	/**
	 * A crisis unit near Bridgend kept by this provider, onboarded by an admin, once the
	 * matcher finds it and notifications knows whose it is.
	 */
	private static String provisionOf(String providerId) throws Exception {
		String id = Provisions.newId(providerId);
		Api.Response created = admin.post("/api/registry/v1/provisions",
				Provisions.crisisUnitNearBridgend(id, providerId, 2, 2));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			Api.Response search = crisisTeam.get(SEARCH_FROM_BRIDGEND);
			return search.status() == 200 && search.body().contains("\"" + id + "\"");
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> providerKnownToNotifications(id, providerId));
		return id;
	}

	/** The provision's duty contact, on one channel; its id. */
	private static String dutyContact(String provisionId, String channel, String address) {
		Api.Response contact = admin.post("/api/notifications/v1/contacts",
				Map.of("name", "Duty manager of " + provisionId, "role", "PROVIDER", "regionCode", "CTM", "provisionId",
						provisionId, "channels", List.of(Map.of("channel", channel, "address", address))));
		assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
		return contact.json().get("id").asString();
	}

	private static void subscribe(Api caller, Map<String, Object> subscription) {
		Api.Response created = caller.post("/api/notifications/v1/subscriptions", subscription);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	/** A Cwm Taf Morgannwg child waiting in A&E in Bridgend. */
	private static String referral() {
		Api.Response referral = crisisTeam.post("/api/matching/v1/referrals",
				Map.of("reference", "CTM-" + ThreadLocalRandom.current().nextInt(10_000, 100_000), "regionCode", "CTM",
						"age", 14, "sex", "FEMALE", "needs", List.of("MH_CRISIS"), "currentSetting", "A_AND_E", "place",
						"Bridgend", "bedType", "CRISIS"));
		assertThat(referral.status()).as(referral.toString()).isEqualTo(201);
		return referral.json().get("id").asString();
	}

	/** Holds a bed of this provision for the referral; the hold's id. */
	private static String hold(String referralId, String provisionId) {
		Api.Response held = crisisTeam.post("/api/matching/v1/referrals/" + referralId + "/holds",
				Map.of("provisionId", provisionId));
		assertThat(held.status()).as(held.toString()).isEqualTo(201);
		assertThat(held.json().get("provisionId").asString()).isEqualTo(provisionId);
		return held.json().get("holdId").asString();
	}

	private static String phoneNumber() {
		return "+447700" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
	}

	private static String acknowledgedAt(Api provider, String alertId) {
		Api.Response alert = provider.get("/api/notifications/v1/alerts/" + alertId);
		assertThat(alert.status()).as(alert.toString()).isEqualTo(200);
		JsonNode at = alert.json().get("acknowledgedAt");
		return (at == null || at.isNull()) ? null : at.asString();
	}

	private static boolean delivered(JsonNode log, String target) {
		for (JsonNode delivery : log) {
			if (target.equals(delivery.get("target").asString())
					&& "DELIVERED".equals(delivery.get("status").asString())) {
				return true;
			}
		}
		return false;
	}

	/** The same link with the last character of its signature changed. */
	private static String tamperedSignature(String link) {
		char last = link.charAt(link.length() - 1);
		return link.substring(0, link.length() - 1) + ((last == 'A') ? 'B' : 'A');
	}

	/**
	 * What a browser sends for a link followed (GET) or a form without fields submitted
	 * (POST): no token, no cookie.
	 */
	private static HttpResponse<String> browse(String method, String url) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(10))
			.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		if (method.equals("POST")) {
			request.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Origin", stack.gatewayUrl())
				.POST(HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.GET();
		}
		return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Whether notifications has learnt the provision's provider from the registry's
	 * provision states, read from its own database as an operator would.
	 */
	private static boolean providerKnownToNotifications(String provisionId, String providerId) throws Exception {
		String url = stack.infrastructure().postgres().jdbcUrl("notifications");
		try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
				PreparedStatement query = connection.prepareStatement(
						"select count(*) from provision_owners where provision_id = ? and provider_id = ?")) {
			query.setString(1, provisionId);
			query.setString(2, providerId);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getInt(1) == 1;
			}
		}
	}

}
