package cymru.noddfa.gateway.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code Content-Security-Policy} the gateway sends, from
 * {@code noddfa.gateway.security.content-security-policy} and, only when the map is given
 * a tile server, that server's origin as one more source of images: every other image,
 * script, style and connection still comes from the gateway itself.
 */
final class ContentSecurityPolicy {

	private ContentSecurityPolicy() {
	}

	/**
	 * The policy with {@code source} allowed for images: added to {@code img-src} where
	 * the policy has one, else {@code img-src} is the {@code default-src} sources and it.
	 * A policy restricting neither is returned as it is (images are not restricted).
	 */
	static String allowingImagesFrom(String policy, Optional<String> source) {
		if (source.isEmpty()) {
			return policy;
		}
		List<String> directives = new ArrayList<>(Arrays.stream(policy.split(";"))
			.map(String::strip)
			.filter((directive) -> !directive.isEmpty())
			.toList());
		int images = find(directives, "img-src");
		if (images >= 0) {
			List<String> sources = sources(directives.get(images));
			if (!sources.contains(source.get())) {
				directives.set(images, directives.get(images) + " " + source.get());
			}
			return String.join("; ", directives);
		}
		int fallback = find(directives, "default-src");
		if (fallback < 0) {
			return policy;
		}
		List<String> sources = sources(directives.get(fallback)).stream()
			.filter((s) -> !s.equalsIgnoreCase("'none'"))
			.toList();
		directives.add("img-src " + String.join(" ", sources) + ((sources.isEmpty()) ? "" : " ") + source.get());
		return String.join("; ", directives);
	}

	private static int find(List<String> directives, String name) {
		for (int i = 0; i < directives.size(); i++) {
			String directive = directives.get(i).toLowerCase(Locale.ROOT);
			if (directive.equals(name) || directive.startsWith(name + " ")) {
				return i;
			}
		}
		return -1;
	}

	private static List<String> sources(String directive) {
		String[] parts = directive.split("\\s+");
		return Arrays.asList(parts).subList(1, parts.length);
	}

}
