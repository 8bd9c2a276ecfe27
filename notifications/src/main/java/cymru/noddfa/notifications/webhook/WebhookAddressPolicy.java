package cymru.noddfa.notifications.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import cymru.noddfa.notifications.webhook.RefusedWebhookAddress.Reason;

/**
 * Decides which URLs a webhook may call, so a subscription cannot turn the service into a
 * way into our own network (SSRF). The URL is checked when the subscription is made and
 * every address the host resolves to is checked again at each send, because DNS can
 * change between the two.
 */
public final class WebhookAddressPolicy {

	private final boolean allowPrivateAddresses;

	private final List<String> allowedHosts;

	public WebhookAddressPolicy(boolean allowPrivateAddresses, List<String> allowedHosts) {
		this.allowPrivateAddresses = allowPrivateAddresses;
		this.allowedHosts = allowedHosts.stream().map((host) -> host.trim().toLowerCase(Locale.ROOT)).toList();
	}

	/** Checks the URL's form, scheme and host name without resolving it. */
	public URI checkUrl(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw new RefusedWebhookAddress(Reason.MALFORMED, "not a URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
			throw new RefusedWebhookAddress(Reason.MALFORMED, "needs an absolute http(s) URL with a host");
		}
		if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
			throw new RefusedWebhookAddress(Reason.MALFORMED, "credentials and fragments are not allowed");
		}
		if (this.allowPrivateAddresses) {
			return uri;
		}
		if (!scheme.equals("https")) {
			throw new RefusedWebhookAddress(Reason.NOT_HTTPS, "webhooks must use https");
		}
		if (!hostAllowed(host(uri))) {
			throw new RefusedWebhookAddress(Reason.HOST_NOT_ALLOWED, host(uri));
		}
		return uri;
	}

	/** Resolves the URL's host now and checks every address it has. */
	public URI check(String url) {
		URI uri = checkUrl(url);
		checkAddresses(host(uri), resolve(host(uri)));
		return uri;
	}

	/** Refuses the host when any one of its addresses is one we never call. */
	public void checkAddresses(String host, InetAddress[] addresses) {
		if (addresses.length == 0) {
			throw new RefusedWebhookAddress(Reason.UNRESOLVABLE, host);
		}
		for (InetAddress address : addresses) {
			if (!allowed(address)) {
				throw new RefusedWebhookAddress(Reason.PRIVATE_ADDRESS, host);
			}
		}
	}

	boolean allowed(InetAddress address) {
		InetAddress effective = unmapped(address);
		if (neverAllowed(effective)) {
			return false;
		}
		return this.allowPrivateAddresses || isPublic(effective);
	}

	private boolean hostAllowed(String host) {
		for (String allowed : this.allowedHosts) {
			if (allowed.startsWith("*.") ? host.endsWith(allowed.substring(1)) : host.equals(allowed)) {
				return true;
			}
		}
		return false;
	}

	static String host(URI uri) {
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		// an IPv6 literal comes back in brackets
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	private static InetAddress[] resolve(String host) {
		try {
			return InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			throw new RefusedWebhookAddress(Reason.UNRESOLVABLE, host);
		}
	}

	/**
	 * Addresses nothing legitimate listens on for us, even in the local stack: the
	 * unspecified address, multicast, and link-local (which holds the cloud metadata
	 * service at 169.254.169.254).
	 */
	private static boolean neverAllowed(InetAddress address) {
		return address.isAnyLocalAddress() || address.isMulticastAddress() || address.isLinkLocalAddress()
				|| inRange(address, "0.0.0.0", 8) || inRange(address, "fd00:ec2::254", 128);
	}

	/** Reachable on the public internet: none of the special-purpose ranges. */
	static boolean isPublic(InetAddress address) {
		if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		if (address instanceof Inet4Address) {
			return !(inRange(address, "0.0.0.0", 8) || inRange(address, "100.64.0.0", 10)
					|| inRange(address, "192.0.0.0", 24) || inRange(address, "198.18.0.0", 15)
					|| inRange(address, "240.0.0.0", 4));
		}
		// unique local (fc00::/7) and the deprecated site-local range Java does not flag
		return !(inRange(address, "fc00::", 7) || inRange(address, "64:ff9b:1::", 48));
	}

	/** An IPv4 address written as IPv6 (::ffff:a.b.c.d) is judged as the IPv4 address. */
	private static InetAddress unmapped(InetAddress address) {
		if (address instanceof Inet6Address) {
			byte[] bytes = address.getAddress();
			boolean mapped = true;
			for (int i = 0; i < 10; i++) {
				mapped &= bytes[i] == 0;
			}
			mapped &= bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
			if (mapped) {
				try {
					return InetAddress.getByAddress(new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] });
				}
				catch (UnknownHostException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return address;
	}

	private static boolean inRange(InetAddress address, String network, int prefix) {
		byte[] candidate = address.getAddress();
		byte[] base;
		try {
			base = InetAddress.getByName(network).getAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(network, ex);
		}
		if (candidate.length != base.length) {
			return false;
		}
		for (int bit = 0; bit < prefix; bit++) {
			int mask = 0x80 >>> (bit % 8);
			if ((candidate[bit / 8] & mask) != (base[bit / 8] & mask)) {
				return false;
			}
		}
		return true;
	}

}
