package cymru.noddfa.bench.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import cymru.noddfa.bench.report.Latencies;
import org.HdrHistogram.Histogram;

/**
 * Referrals created at a steady rate through the gateway, and a webhook receiver on
 * loopback subscribed to the region's {@code ReferralCreated}: the time from when each
 * referral was meant to be sent until its webhook arrives.
 */
public final class Alerts {

	private static final String REGION = "WGL";

	private final Http http;

	private final Tokens tokens;

	private final String gateway;

	public Alerts(Http http, Tokens tokens, String gateway) {
		this.http = http;
		this.tokens = tokens;
		this.gateway = gateway;
	}

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final AtomicInteger runs = new AtomicInteger();

	/** Referrals made by runs since the last {@link #closeReferrals}. */
	private final Queue<String> open = new ConcurrentLinkedQueue<>();

	/**
	 * @param timeout what a refused referral is charged at least
	 */
	public Latencies run(String label, double perSecond, Duration duration, Duration timeout) {
		int run = runs.incrementAndGet();
		Map<String, Long> arrived = new ConcurrentHashMap<>();
		Map<String, Long> intended = new ConcurrentHashMap<>();
		HttpServer receiver = receiver(arrived);
		String subscription = null;
		try {
			String token = this.tokens.crisisTeam(REGION);
			String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook/" + label;
			Map<String, Object> body = Map.of("regionCode", REGION, "eventTypes", List.of("ReferralCreated"), "channel",
					"WEBHOOK", "url", url);
			Http.Answer subscribed = Settle
				.retrying(() -> this.http.post(this.gateway + "/api/notifications/v1/subscriptions", token, body));
			if (subscribed.status() != 201) {
				throw new IllegalStateException("Could not subscribe: " + subscribed);
			}
			subscription = subscribed.json().path("id").asString();
			long interval = (long) (1_000_000_000d / perSecond);
			Outcomes outcomes = new Outcomes();
			Latencies sent = OpenLoop.run("referral created (gateway)", perSecond, duration, timeout, (i) -> {
				long meant = System.nanoTime();
				Http.Answer answer = this.http.post(this.gateway + "/api/matching/v1/referrals", token,
						Map.of("reference", String.format("%s-%d%d-%04d", REGION, label.length(), run, i), "regionCode",
								REGION, "age", 15, "sex", "MALE", "needs", List.of("MH_CRISIS"), "currentSetting",
								"HOME", "location", Map.of("lat", 51.62, "lon", -3.94), "bedType", "CRISIS"));
				if (!outcomes.expect(answer, 201)) {
					return false;
				}
				String id = answer.json().path("id").asString();
				intended.put(id, meant);
				this.open.add(id);
				return true;
			}, "open loop");
			long deadline = System.nanoTime() + WAIT.toNanos();
			while (!arrived.keySet().containsAll(intended.keySet()) && System.nanoTime() < deadline) {
				Loading.pause(50);
			}
			Histogram micros = Latencies.histogram();
			long missing = 0;
			for (Map.Entry<String, Long> referral : intended.entrySet()) {
				Long at = arrived.get(referral.getKey());
				if (at == null) {
					missing++;
					micros.recordValue(Latencies.failedMicros(0, WAIT));
				}
				else {
					micros.recordValue(Math.max(0, at - referral.getValue()) / 1000);
				}
			}
			for (long refused = 0; refused < sent.errors(); refused++) {
				micros.recordValue(Latencies.failedMicros(0, WAIT));
			}
			return Latencies.of("alerts (referral → webhook delivered)", micros, missing + sent.errors(), perSecond,
					sent.seconds(),
					intended.size() + " referrals created (" + sent.errors() + " refused" + outcomes
							+ "); errors = refused or no webhook within 30 s, each counted at 30 s; timed from when "
							+ "each referral was sent, one every " + Duration.ofNanos(interval).toMillis() + " ms");
		}
		finally {
			if (subscription != null) {
				this.http.delete(this.gateway + "/api/notifications/v1/subscriptions/" + subscription,
						this.tokens.crisisTeam(REGION));
			}
			receiver.stop(0);
		}
	}

	/**
	 * Cancels the referrals the runs made ({@link Cancellations}): a waiting list no
	 * region has would otherwise be announced every later vacancy change.
	 */
	public Cancellations.Closed closeReferrals() {
		List<String> ids = new ArrayList<>();
		for (String id = this.open.poll(); id != null; id = this.open.poll()) {
			ids.add(id);
		}
		return Cancellations.cancel(this.http, this.gateway + "/api/matching/v1/referrals",
				this.tokens.crisisTeam(REGION), ids);
	}

	private static HttpServer receiver(Map<String, Long> arrived) {
		HttpServer server;
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/", (exchange) -> {
			long at = System.nanoTime();
			byte[] body = exchange.getRequestBody().readAllBytes();
			String referral = Http.json.readTree(body).path("referralId").asString();
			arrived.putIfAbsent(referral, at);
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
		return server;
	}

}
