package cymru.noddfa.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks a loopback port nobody is listening on. Servers that must come back on the same
 * port after a restart (so clients reconnect by themselves) keep the port they were
 * given.
 * <p>
 * The port comes from below the kernel's ephemeral range. A port the kernel hands out
 * ({@code new ServerSocket(0)}) is free only at that moment: a service started later on
 * it lost it, now and then, to the outgoing connection of another process (to Kafka,
 * PostgreSQL or Redis) that the kernel gave the same port, and failed to start. Ports
 * below the range are never given to outgoing connections.
 */
public final class FreePort {

	private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

	/** Linux's default start of the ephemeral range, where the kernel does not say. */
	private static final int DEFAULT_EPHEMERAL_START = 32768;

	private static final int LOWEST = 10_000;

	/**
	 * Never twice in one JVM: a port picked is closed again until its server binds it.
	 */
	private static final Set<Integer> PICKED = ConcurrentHashMap.newKeySet();

	private static final int EPHEMERAL_START = readEphemeralStart();

	private FreePort() {
	}

	public static int pick() {
		int below = EPHEMERAL_START;
		for (int attempt = 0; attempt < 200 && below > LOWEST; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
			if (!PICKED.contains(port) && isFree(port) && PICKED.add(port)) {
				return port;
			}
		}
		// no room below the range: whatever the kernel gives
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free loopback port", ex);
		}
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort() == port;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static int ephemeralStart() {
		return EPHEMERAL_START;
	}

	private static int readEphemeralStart() {
		try {
			// by lines: Files.readString believes the size /proc reports and reads one
			// byte
			return Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).getFirst().trim().split("\\s+")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return DEFAULT_EPHEMERAL_START;
		}
	}

}
