package cymru.noddfa.panels.provision;

import java.util.List;

/**
 * What the panel knows of a provision from the registry: enough to refuse an approval for
 * one that is closed.
 */
public record KnownProvision(String provisionId, long version, String name, String regionCode, String status,
		List<String> bedTypes) {

	public boolean isClosed() {
		return "CLOSED".equals(this.status);
	}

}
