package cymru.noddfa.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for GOV.UK Notify's documented API: {@code POST
 * /v2/notifications/sms} and {@code /email} with a bearer JWT, answering 201 with a
 * notification id, or whatever status a test sets for a phone number or address.
 */
public final class NotifyStub {

	public static final String SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506";

	public static final String SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0";

	public static final String API_KEY = "noddfa_test-" + SERVICE_ID + "-" + SECRET;

	private static NotifyStub instance;

	private final HttpServer server;

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final Map<String, Integer> statuses = new ConcurrentHashMap<>();

	private final JsonMapper json = JsonMapper.builder().build();

	private NotifyStub() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/v2/notifications/", (exchange) -> {
			JsonNode body;
			try (InputStream in = exchange.getRequestBody()) {
				body = this.json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
			String to = body.has("phone_number") ? body.get("phone_number").asString()
					: body.path("email_address").asString();
			this.calls.add(new Call(exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("Authorization"), to, body));
			int status = this.statuses.getOrDefault(to, 201);
			byte[] answer = (status == 201)
					? ("{\"id\": \"" + UUID.randomUUID() + "\", \"reference\": null, \"content\": {}}")
						.getBytes(StandardCharsets.UTF_8)
					: "{\"status_code\": %d, \"errors\": [{\"error\": \"Stub\", \"message\": \"as the test asked\"}]}"
						.formatted(status)
						.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		this.server.start();
	}

	public static synchronized NotifyStub get() {
		if (instance == null) {
			instance = new NotifyStub();
		}
		return instance;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public void answer(String to, int status) {
		this.statuses.put(to, status);
	}

	public List<Call> callsTo(String to) {
		return this.calls.stream().filter((c) -> to.equals(c.to())).toList();
	}

	public record Call(String path, String authorization, String to, JsonNode body) {

	}

}
