package cymru.noddfa.notifications.feed;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import lombok.extern.slf4j.Slf4j;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open live-feed connections of this instance, by audience: a region's crisis team, a
 * region's panel, or a provider. Every instance hears every event (its feed listener has
 * a group of its own), so a user gets the feed whichever instance they are connected to.
 */
@Component
@Slf4j
class FeedPublisher implements SmartLifecycle {

	private volatile boolean running;

	private final Map<Audience, Set<Connection>> byAudience = new ConcurrentHashMap<>();

	private final FeedProperties properties;

	FeedPublisher(FeedProperties properties, MeterRegistry meters) {
		this.properties = properties;
		Gauge
			.builder("noddfa.notifications.feed.connections", this,
					(feed) -> feed.byAudience.values().stream().mapToInt(Set::size).sum())
			.register(meters);
	}

	SseEmitter connect(Audience audience, String user) {
		SseEmitter emitter = new SseEmitter(this.properties.connectionTimeout().toMillis());
		Connection connection = new Connection(user, emitter);
		Set<Connection> connections = this.byAudience.computeIfAbsent(audience, (a) -> ConcurrentHashMap.newKeySet());
		connections.add(connection);
		Runnable remove = () -> connections.remove(connection);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError((ex) -> remove.run());
		try {
			emitter.send(SseEmitter.event().comment("connected"));
		}
		catch (IOException ex) {
			remove.run();
		}
		return emitter;
	}

	/**
	 * Sends the item to its region's crisis team and panel and, when it is about a
	 * provision, to the connections of that provision's provider.
	 * @param provider the provider of the item's provision, {@code null} if none or not
	 * known
	 */
	void publish(FeedItem item, String provider) {
		publish(item, provider, null);
	}

	/**
	 * As {@link #publish(FeedItem, String)}, and to the crisis team of the region that
	 * referred the child from elsewhere, which reads and moves the referral too; never to
	 * that region's panel, which sees its own region's children only.
	 * @param referringRegion the referring team's region when it is not the child's, else
	 * {@code null}
	 */
	void publish(FeedItem item, String provider, String referringRegion) {
		send(item, this.byAudience.get(Audience.team(item.regionCode())));
		send(item, this.byAudience.get(Audience.panel(item.regionCode())));
		if (referringRegion != null && !referringRegion.equals(item.regionCode())) {
			send(item, this.byAudience.get(Audience.team(referringRegion)));
		}
		if (provider != null) {
			send(item, this.byAudience.get(Audience.provider(provider)));
		}
	}

	private void send(FeedItem item, Set<Connection> connections) {
		if (connections == null) {
			return;
		}
		for (Connection connection : connections) {
			try {
				connection.emitter()
					.send(SseEmitter.event()
						.id(item.eventId().toString())
						.name(item.eventType())
						.data(item, MediaType.APPLICATION_JSON));
			}
			catch (IOException | IllegalStateException ex) {
				connections.remove(connection);
				log.debug("Feed connection of user {} closed ({})", connection.user(), ex.getMessage());
			}
		}
	}

	@Scheduled(fixedDelayString = "${noddfa.notifications.feed.heartbeat:15s}")
	void heartbeat() {
		this.byAudience.values().forEach((connections) -> connections.forEach((connection) -> {
			try {
				connection.emitter().send(SseEmitter.event().comment("heartbeat"));
			}
			catch (IOException | IllegalStateException ex) {
				connections.remove(connection);
			}
		}));
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Ends every feed before the web server's graceful shutdown, which would otherwise
	 * wait for these never-ending responses; browsers reconnect to another instance.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.byAudience.values().forEach((connections) -> {
			connections.forEach((connection) -> connection.emitter().complete());
			connections.clear();
		});
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private record Connection(String user, SseEmitter emitter) {
	}

	/**
	 * Whose events a connection hears: a region's crisis team's, a region's panel's or a
	 * provider's.
	 */
	record Audience(String team, String panel, String provider) {

		static Audience team(String region) {
			return new Audience(region, null, null);
		}

		static Audience panel(String region) {
			return new Audience(null, region, null);
		}

		static Audience provider(String provider) {
			return new Audience(null, null, provider);
		}

	}

}
