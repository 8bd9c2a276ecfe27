package cymru.noddfa.notifications.message;

import java.util.Locale;

/**
 * Renders each kind of message in English and Welsh from the message bundles
 * ({@code notification.<kind>}), so every message a person reads exists in both
 * languages. Arguments are references and codes, never details of a child.
 */
public final class Templates {

	public static final Locale WELSH = Locale.forLanguageTag("cy");

	private final Wording wording;

	public Templates(Wording wording) {
		this.wording = wording;
	}

	public BilingualText render(String kind, Object... args) {
		String key = "notification." + kind;
		return new BilingualText(this.wording.text(key, args, Locale.ENGLISH), this.wording.text(key, args, WELSH));
	}

}
