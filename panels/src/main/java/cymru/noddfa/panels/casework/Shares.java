package cymru.noddfa.panels.casework;

import java.math.BigDecimal;

/**
 * Who pays for a jointly funded placement: the local authority's and the health board's
 * shares in whole percent, each from 0 to 100, adding up to 100.
 */
public record Shares(int localAuthorityPercent, int healthBoardPercent) {

	static final String LOCAL_AUTHORITY = "localAuthoritySharePercent";

	static final String HEALTH_BOARD = "healthBoardSharePercent";

	public Shares {
		if (localAuthorityPercent < 0 || localAuthorityPercent > 100) {
			throw new InvalidDecision(LOCAL_AUTHORITY, "share-whole");
		}
		if (healthBoardPercent < 0 || healthBoardPercent > 100) {
			throw new InvalidDecision(HEALTH_BOARD, "share-whole");
		}
		if (localAuthorityPercent + healthBoardPercent != 100) {
			throw new InvalidDecision(HEALTH_BOARD, "shares-sum");
		}
	}

	/**
	 * Shares as the request states them: a fraction, a negative or a missing share names
	 * its field.
	 */
	static Shares of(BigDecimal localAuthority, BigDecimal healthBoard) {
		return new Shares(whole(localAuthority, LOCAL_AUTHORITY), whole(healthBoard, HEALTH_BOARD));
	}

	private static int whole(BigDecimal share, String field) {
		if (share == null) {
			throw new InvalidDecision(field, "required");
		}
		if (share.signum() < 0 || share.stripTrailingZeros().scale() > 0
				|| share.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new InvalidDecision(field, "share-whole");
		}
		return share.intValueExact();
	}

}
