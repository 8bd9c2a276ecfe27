package cymru.noddfa.notifications.message;

import java.util.Locale;

/** Looks a message key up in the bundles of one language. */
@FunctionalInterface
public interface Wording {

	String text(String key, Object[] args, Locale locale);

}
