package cymru.noddfa.panels.referral;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The fields of a {@code matching.referral-events.v1} event this service reads. The
 * matcher owns the contract; fields it adds later are ignored, and the optional ones (the
 * referring team's region, where the child is, whether a bed is in the child's region,
 * how far, and why not) are {@code null} when an older producer leaves them out.
 *
 * @param regionCode the child's home region, whose panel acts on the referral
 * @param referringRegionCode the referring team's region, when it differs
 * @param currentSetting where the child is now ({@code HOME}, {@code A_AND_E},
 * {@code POLICE}, {@code OTHER}), on {@code ReferralCreated}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralEvent(UUID eventId, String type, UUID referralId, long referralVersion, Instant occurredAt,
		String regionCode, String referringRegionCode, String reference, String bedType, String provisionId,
		String reasonCode, String currentSetting, String provisionRegionCode, Boolean inRegion, BigDecimal distanceKm,
		String outOfRegionReason) {

	public static final String CREATED = "ReferralCreated";

	public static final String HOLD_PLACED = "HoldPlaced";

	public static final String HOLD_DECLINED = "HoldDeclined";

	public static final String PLACEMENT_STARTED = "PlacementStarted";

	public static final String ESCALATED = "ReferralEscalated";

	public static final String CRISIS_STAY_OVERRAN = "CrisisStayOverran";

	public static final String OUT_OF_REGION_APPROVAL_REQUESTED = "OutOfRegionApprovalRequested";

	public boolean is(String eventType) {
		return eventType.equals(this.type);
	}

	/**
	 * Whether the bed is in the child's home region: as the event says, else as its
	 * provision's region says, else unknown ({@code null}).
	 */
	public Boolean bedInChildsRegion() {
		if (this.inRegion != null) {
			return this.inRegion;
		}
		if (this.provisionRegionCode != null && this.regionCode != null) {
			return this.provisionRegionCode.equals(this.regionCode);
		}
		return null;
	}

}
