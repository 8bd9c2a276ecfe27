package cymru.noddfa.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.core.env.Environment;

/**
 * Refuses to start the provider on an address other than loopback. It signs anyone in as
 * anyone without a password, so reachable from a network it would hand out every role:
 * only {@code noddfa.dev-identity.allow-non-loopback=true} lets it listen elsewhere. No
 * {@code server.address} at all means every interface, and is refused too.
 */
final class LoopbackOnly {

	static final String ADDRESS = "server.address";

	private LoopbackOnly() {
	}

	static void check(Environment environment, boolean allowNonLoopback) {
		check(environment.getProperty(ADDRESS), allowNonLoopback);
	}

	static void check(String address, boolean allowNonLoopback) {
		if (allowNonLoopback || isLoopback(address)) {
			return;
		}
		throw new IllegalStateException("The development identity provider signs anyone in without a password, "
				+ "so it listens only on loopback, and server.address is "
				+ ((address == null || address.isBlank()) ? "unset (every interface)" : "'" + address + "'")
				+ ". Set server.address=127.0.0.1, or, on a machine no one else can reach, "
				+ "noddfa.dev-identity.allow-non-loopback=true.");
	}

	private static boolean isLoopback(String address) {
		if (address == null || address.isBlank()) {
			return false;
		}
		try {
			InetAddress[] resolved = InetAddress.getAllByName(address.trim());
			for (InetAddress candidate : resolved) {
				if (!candidate.isLoopbackAddress()) {
					return false;
				}
			}
			return resolved.length > 0;
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
