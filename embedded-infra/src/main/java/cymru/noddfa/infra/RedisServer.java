package cymru.noddfa.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real {@code redis-server} (6.2, with GEOSEARCH) from the binary shipped in the
 * codemonstur embedded-redis artifact. Redis is only ever a rebuildable cache for Noddfa,
 * so no persistence is configured.
 */
public final class RedisServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RedisServer.class);

	private final Path workDir;

	private final int port;

	private redis.embedded.RedisServer server;

	public RedisServer(Path workDir, int port) {
		this.workDir = workDir;
		this.port = port;
	}

	public int port() {
		return this.port;
	}

	public String host() {
		return "127.0.0.1";
	}

	public synchronized boolean isRunning() {
		return this.server != null;
	}

	public synchronized RedisServer start() {
		if (this.server != null) {
			return this;
		}
		try {
			Files.createDirectories(this.workDir);
			redis.embedded.RedisServer started = redis.embedded.RedisServer.newRedisServer()
				.bind("127.0.0.1")
				.port(this.port)
				.setting("dir " + this.workDir.toAbsolutePath())
				.setting("save \"\"")
				.setting("appendonly no")
				.setting("maxmemory-policy noeviction")
				.onShutdownForceStop(true)
				.build();
			started.start();
			this.server = started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("redis-server did not start", ex);
		}
		log.info("Redis listening on 127.0.0.1:{}", this.port);
		return this;
	}

	public synchronized void stop() {
		if (this.server == null) {
			return;
		}
		try {
			this.server.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.server = null;
		}
	}

	@Override
	public void close() {
		stop();
	}

}
