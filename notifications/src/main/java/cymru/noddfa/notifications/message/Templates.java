package cymru.noddfa.notifications.message;

import java.util.Locale;
import lombok.RequiredArgsConstructor;

/**
 * Renders each kind of message in English and Welsh from the message bundles
 * ({@code notification.<kind>}), so every message a person reads exists in both
 * languages. Arguments are references and codes, never details of a child.
 */
@RequiredArgsConstructor
public final class Templates {

	public static final Locale WELSH = Locale.forLanguageTag("cy");

	private final Wording wording;

	/**
	 * @param args values for the template; a {@link Label} among them is itself looked up
	 * in each language
	 */
	public BilingualText render(String kind, Object... args) {
		String key = "notification." + kind;
		return new BilingualText(this.wording.text(key, localised(args, Locale.ENGLISH), Locale.ENGLISH),
				this.wording.text(key, localised(args, WELSH), WELSH));
	}

	private Object[] localised(Object[] args, Locale locale) {
		Object[] localised = args.clone();
		for (int i = 0; i < localised.length; i++) {
			if (localised[i] instanceof Label label) {
				localised[i] = this.wording.text(label.key(), null, locale);
			}
		}
		return localised;
	}

	/** A word that is itself translated, such as a bed type. */
	public record Label(String key) {

	}

}
