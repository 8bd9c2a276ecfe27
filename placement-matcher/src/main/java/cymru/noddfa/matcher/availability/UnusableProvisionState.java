package cymru.noddfa.matcher.availability;

import java.util.List;

/**
 * A provision-state record that can never be applied, however often it is tried: it lacks
 * what the read model needs, or says it about another provision than its key. It goes to
 * the dead-letter topic at once.
 */
class UnusableProvisionState extends RuntimeException {

	UnusableProvisionState(String key, List<String> problems) {
		super("Provision-state record with key " + key + " cannot be applied: " + String.join("; ", problems));
	}

}
