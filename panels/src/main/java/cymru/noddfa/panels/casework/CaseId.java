package cymru.noddfa.panels.casework;

import java.util.UUID;

/** A panel case's id. */
public record CaseId(UUID value) {

	public CaseId {
		if (value == null) {
			throw new IllegalArgumentException("A case id is needed");
		}
	}

	public static CaseId random() {
		return new CaseId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
