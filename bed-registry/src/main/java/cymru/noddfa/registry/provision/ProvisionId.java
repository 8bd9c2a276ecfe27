package cymru.noddfa.registry.provision;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** A provision's id: a lower-case slug, chosen by the client or generated. */
public record ProvisionId(String value) {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

	public ProvisionId {
		if (value == null || !SLUG.matcher(value).matches()) {
			throw new InvalidValue("id", "invalid-slug", value);
		}
	}

	static ProvisionId generate() {
		return new ProvisionId("p-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
	}

	static boolean isValid(String value) {
		return value != null && SLUG.matcher(value).matches();
	}

	/**
	 * {@code Cwm Taf Morgannwg partnership} becomes
	 * {@code cwm-taf-morgannwg-partnership}.
	 */
	public static String slug(String text) {
		String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		return (slug.length() > 64) ? slug.substring(0, 64).replaceAll("-+$", "") : slug;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
