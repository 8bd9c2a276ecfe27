package cymru.noddfa.notifications;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A DNS for host names under {@code noddfa.test} that a test can change while the service
 * runs (the JVM picks this provider up through {@code META-INF/services}); every other
 * name goes to the system resolver. With {@code sun.net.inetaddr.ttl=0} (the surefire
 * configuration) a change is seen by the next lookup, which is how a host that resolves
 * to one address at subscription time and another at send time is simulated.
 */
public class TestDns extends InetAddressResolverProvider {

	private static final Map<String, InetAddress> names = new ConcurrentHashMap<>();

	public static void point(String host, String address) {
		try {
			names.put(host, InetAddress.getByAddress(host, InetAddress.getByName(address).getAddress()));
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(address, ex);
		}
	}

	@Override
	public InetAddressResolver get(Configuration configuration) {
		InetAddressResolver system = configuration.builtinResolver();
		return new InetAddressResolver() {
			@Override
			public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
				if (host.endsWith(".noddfa.test")) {
					InetAddress address = names.get(host);
					if (address == null) {
						throw new UnknownHostException(host);
					}
					return Stream.of(address);
				}
				return system.lookupByName(host, policy);
			}

			@Override
			public String lookupByAddress(byte[] address) throws UnknownHostException {
				return system.lookupByAddress(address);
			}
		};
	}

	@Override
	public String name() {
		return "noddfa-test-dns";
	}

}
