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
 * <p>
 * It can ask for a password ({@link #requirePassword}) and speak only TLS ({@link #tls}),
 * as a production Redis does, so that clients' settings for both are tried against the
 * real server.
 */
public final class RedisServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RedisServer.class);

	private final Path workDir;

	private final int port;

	private redis.embedded.RedisServer server;

	private String password;

	private Path certificate;

	private Path privateKey;

	public RedisServer(Path workDir, int port) {
		this.workDir = workDir;
		this.port = port;
	}

	/** Clients must AUTH with this password (Redis's {@code requirepass}). */
	public synchronized RedisServer requirePassword(String password) {
		this.password = password;
		return this;
	}

	/**
	 * Listens on {@link #port()} with TLS only, presenting this PEM certificate and key;
	 * clients need not present one of their own.
	 */
	public synchronized RedisServer tls(Path certificate, Path privateKey) {
		this.certificate = certificate;
		this.privateKey = privateKey;
		return this;
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
			boolean tls = this.certificate != null;
			redis.embedded.RedisServer started = redis.embedded.RedisServer.newRedisServer()
				.bind("127.0.0.1")
				.port(tls ? 0 : this.port)
				.setting("dir " + this.workDir.toAbsolutePath())
				.setting("save \"\"")
				.setting("appendonly no")
				.setting("maxmemory-policy noeviction")
				.settingIf(this.password != null, "requirepass " + this.password)
				.settingIf(tls, "tls-port " + this.port)
				.settingIf(tls, "tls-cert-file " + absolute(this.certificate))
				.settingIf(tls, "tls-key-file " + absolute(this.privateKey))
				// the server's own certificate is the only one it needs to know: clients
				// present none
				.settingIf(tls, "tls-ca-cert-file " + absolute(this.certificate))
				.settingIf(tls, "tls-auth-clients no")
				.onShutdownForceStop(true)
				.build();
			started.start();
			this.server = started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("redis-server did not start", ex);
		}
		log.info("Redis listening on 127.0.0.1:{}{}{}", this.port, (this.certificate != null) ? " (TLS)" : "",
				(this.password != null) ? " (password required)" : "");
		return this;
	}

	private static Path absolute(Path path) {
		return (path != null) ? path.toAbsolutePath() : null;
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
