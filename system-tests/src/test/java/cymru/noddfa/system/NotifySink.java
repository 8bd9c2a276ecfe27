package cymru.noddfa.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

/**
 * A stand-in for GOV.UK Notify on loopback: it accepts every text message and email the
 * notifications service sends ({@code POST /v2/notifications/sms|email}) and keeps them,
 * so a test reads what a person's phone or inbox would show.
 */
final class NotifySink implements AutoCloseable {

	/** {@code <key name>-<service id>-<secret key>}, as Notify issues them. */
	static final String API_KEY = "noddfa_system_tests-" + UUID.randomUUID() + "-" + UUID.randomUUID();

	private final HttpServer server;

	private final List<Message> messages = new CopyOnWriteArrayList<>();

	NotifySink() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/v2/notifications/", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String path = exchange.getRequestURI().getPath();
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			if (!"POST".equals(exchange.getRequestMethod()) || authorization == null
					|| !authorization.startsWith("Bearer ")) {
				exchange.sendResponseHeaders(403, -1);
				exchange.close();
				return;
			}
			JsonNode json = Api.parse(body);
			String channel = path.substring(path.lastIndexOf('/') + 1);
			String to = json.path(channel.equals("sms") ? "phone_number" : "email_address").asString();
			this.messages.add(new Message(channel, to, json.path("personalisation").path("body").asString()));
			byte[] answer = ("{\"id\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(201, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** What the notifications service needs to send through this sink. */
	List<String> settings() {
		return List.of("--noddfa.notifications.notify.base-url=" + baseUrl(),
				"--noddfa.notifications.notify.api-key=" + API_KEY,
				"--noddfa.notifications.notify.sms-template-id=" + UUID.randomUUID(),
				"--noddfa.notifications.notify.email-template-id=" + UUID.randomUUID(),
				"--noddfa.notifications.notify.use-for-email=true");
	}

	/** Every message received so far, oldest first. */
	List<Message> messages() {
		return List.copyOf(this.messages);
	}

	/** The messages sent to one phone number or email address. */
	List<Message> to(String address) {
		return this.messages.stream().filter((message) -> message.to().equals(address)).toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * One message as its recipient reads it.
	 *
	 * @param channel {@code sms} or {@code email}
	 * @param to the phone number or email address
	 * @param body the text: English, Welsh, and any acknowledgement link
	 */
	record Message(String channel, String to, String body) {
	}

}
