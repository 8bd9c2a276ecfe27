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
			startWhenExecutable(started);
			this.server = started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("redis-server did not start", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting redis-server", ex);
		}
		log.info("Redis listening on 127.0.0.1:{}{}{}", this.port, (this.certificate != null) ? " (TLS)" : "",
				(this.password != null) ? " (password required)" : "");
		return this;
	}

	/**
	 * Starts the server, trying again while its binary is "text file busy": the library
	 * writes the binary out just before running it, and a process another thread forks
	 * meanwhile (PostgreSQL starting beside it) inherits the open file until it execs its
	 * own program, during which the kernel refuses to run the binary.
	 */
	private static void startWhenExecutable(redis.embedded.RedisServer server)
			throws IOException, InterruptedException {
		for (int attempt = 1;; attempt++) {
			try {
				server.start();
				return;
			}
			catch (IOException ex) {
				if (attempt == 10 || !isTextFileBusy(ex)) {
					throw ex;
				}
				log.info("redis-server's binary is still held open by another process; trying again");
				Thread.sleep(100L * attempt);
			}
		}
	}

	static boolean isTextFileBusy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && cause.getMessage().contains("Text file busy")) {
				return true;
			}
		}
		return false;
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
