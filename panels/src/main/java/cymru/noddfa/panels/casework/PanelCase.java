package cymru.noddfa.panels.casework;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import cymru.noddfa.panels.referral.ReferralEvent;

/**
 * A referral that needs its region's panel. It opens once, on the first event that needs
 * the panel, and guards its own rules: no decision on a closed case, each kind of
 * decision with the fields and reason that belong to it, shares that add up.
 * <p>
 * The funding limbo clock: a case opened by an escalation or a crisis stay past 72 hours
 * waits for joint funding from that moment, and so does a case whose out-of-region
 * placement the panel approves; the wait ends when the panel records
 * {@code AGREE_JOINT_FUNDING}, or closes the case.
 */
public final class PanelCase {

	private static final Pattern AGREEMENT_REFERENCE = Pattern.compile("[A-Za-z0-9/_.-]{1,40}");

	private final CaseId id;

	private final UUID referralId;

	private final RegionCode region;

	private final RegionCode referringRegion;

	private final String reference;

	private final OpenedBecause openedBecause;

	private final Instant openedAt;

	private Instant escalatedAt;

	private CaseStatus status;

	private Instant fundingSince;

	private LocalDate fundingAgreedOn;

	private Instant closedAt;

	private long version;

	public PanelCase(CaseId id, UUID referralId, RegionCode region, RegionCode referringRegion, String reference,
			OpenedBecause openedBecause, Instant openedAt, Instant escalatedAt, CaseStatus status, Instant fundingSince,
			LocalDate fundingAgreedOn, Instant closedAt, long version) {
		this.id = id;
		this.referralId = referralId;
		this.region = region;
		this.referringRegion = referringRegion;
		this.reference = reference;
		this.openedBecause = openedBecause;
		this.openedAt = openedAt;
		this.escalatedAt = escalatedAt;
		this.status = status;
		this.fundingSince = fundingSince;
		this.fundingAgreedOn = fundingAgreedOn;
		this.closedAt = closedAt;
		this.version = version;
	}

	/** A new case for the referral the event is about, opened at the event's time. */
	public static PanelCase open(CaseId id, ReferralEvent trigger, OpenedBecause because) {
		Instant at = trigger.occurredAt();
		Instant escalated = because.startsFundingWait() ? at : null;
		return new PanelCase(id, trigger.referralId(), RegionCode.of(trigger.regionCode()), referringRegion(trigger),
				trigger.reference(), because, at, escalated, CaseStatus.OPEN, escalated, null, null, 1);
	}

	/**
	 * A later event of the referral: an escalation or overrun after the case opened for
	 * another reason starts the escalation and funding clocks. {@code true} when the case
	 * changed.
	 */
	public boolean note(ReferralEvent event) {
		boolean escalation = event.is(ReferralEvent.ESCALATED) || event.is(ReferralEvent.CRISIS_STAY_OVERRAN);
		if (!escalation || this.escalatedAt != null) {
			return false;
		}
		this.escalatedAt = event.occurredAt();
		if (this.fundingSince == null && this.fundingAgreedOn == null && this.status == CaseStatus.OPEN) {
			this.fundingSince = event.occurredAt();
		}
		this.version++;
		return true;
	}

	/**
	 * Records a decision of this case's panel, or refuses it.
	 * @param earlier the case's decisions so far, for {@code supersedes}
	 * @throws CaseClosed on a closed case
	 * @throws InvalidDecision naming the field at fault
	 */
	public Decision record(DecisionRequest request, String by, Instant at, List<Decision> earlier) {
		if (this.status == CaseStatus.CLOSED) {
			throw new CaseClosed(this.id);
		}
		DecisionType type = required(request.type(), "type");
		DecisionReason reason = required(request.reasonCode(), "reasonCode");
		if (!reason.belongsTo(type)) {
			throw new InvalidDecision("reasonCode", "reason");
		}
		if (request.supersedes() != null
				&& earlier.stream().noneMatch((decision) -> decision.id().equals(request.supersedes()))) {
			throw new InvalidDecision("supersedes", "supersedes");
		}
		Decision decision = switch (type) {
			case APPROVE_OUT_OF_REGION, REFUSE_OUT_OF_REGION -> {
				onlyFor(request, false, false);
				yield decision(request, type, reason, by, at, required(request.provisionId(), "provisionId"), null);
			}
			case AGREE_JOINT_FUNDING -> {
				Shares shares = Shares.of(request.localAuthoritySharePercent(), request.healthBoardSharePercent());
				required(request.agreedOn(), "agreedOn");
				if (!AGREEMENT_REFERENCE.matcher(required(request.agreementReference(), "agreementReference"))
					.matches()) {
					throw new InvalidDecision("agreementReference", "required");
				}
				onlyFor(request, true, false);
				yield decision(request, type, reason, by, at, null, shares);
			}
			case REQUEST_INFORMATION -> {
				required(request.informationFrom(), "informationFrom");
				required(request.informationBy(), "informationBy");
				onlyFor(request, false, true);
				yield decision(request, type, reason, by, at, null, null);
			}
			case CLOSE -> {
				onlyFor(request, false, false);
				yield decision(request, type, reason, by, at, null, null);
			}
		};
		apply(decision);
		return decision;
	}

	private void apply(Decision decision) {
		switch (decision.type()) {
			case APPROVE_OUT_OF_REGION -> {
				if (this.fundingSince == null && this.fundingAgreedOn == null) {
					this.fundingSince = decision.decidedAt();
				}
			}
			case AGREE_JOINT_FUNDING -> this.fundingAgreedOn = decision.agreedOn();
			case CLOSE -> {
				this.status = CaseStatus.CLOSED;
				this.closedAt = decision.decidedAt();
			}
			default -> {
			}
		}
		this.version++;
	}

	/** Waiting for a joint funding agreement now. */
	public boolean waitingForFunding() {
		return this.status == CaseStatus.OPEN && this.fundingSince != null && this.fundingAgreedOn == null;
	}

	/** Whole days waited for funding by {@code now}; {@code null} when not waiting. */
	public Long daysWaitingForFunding(Instant now) {
		return waitingForFunding() ? Duration.between(this.fundingSince, now).toDays() : null;
	}

	/** Waited at least {@code threshold} for funding by {@code now}. */
	public boolean fundingOverdue(Instant now, Duration threshold) {
		return waitingForFunding() && !now.isBefore(this.fundingSince.plus(threshold));
	}

	/** When the waits stop counting: at closing, else now. */
	public Instant waitsUntil(Instant now) {
		return (this.closedAt != null) ? this.closedAt : now;
	}

	private Decision decision(DecisionRequest request, DecisionType type, DecisionReason reason, String by, Instant at,
			String provisionId, Shares shares) {
		return new Decision(UUID.randomUUID(), this.id.value(), type, reason, by, at, provisionId,
				(shares != null) ? shares.localAuthorityPercent() : null,
				(shares != null) ? shares.healthBoardPercent() : null, (shares != null) ? request.agreedOn() : null,
				(shares != null) ? request.agreementReference() : null, request.informationFrom(),
				request.informationBy(), request.supersedes());
	}

	/** Fields of another kind of decision are refused, so nothing is stored unread. */
	private static void onlyFor(DecisionRequest request, boolean funding, boolean information) {
		if (!funding) {
			notGiven(request.localAuthoritySharePercent(), "localAuthoritySharePercent");
			notGiven(request.healthBoardSharePercent(), "healthBoardSharePercent");
			notGiven(request.agreedOn(), "agreedOn");
			notGiven(request.agreementReference(), "agreementReference");
		}
		if (!information) {
			notGiven(request.informationFrom(), "informationFrom");
			notGiven(request.informationBy(), "informationBy");
		}
		if (funding || information) {
			notGiven(request.provisionId(), "provisionId");
		}
	}

	private static void notGiven(Object value, String field) {
		if (value != null) {
			throw new InvalidDecision(field, "not-allowed");
		}
	}

	private static <T> T required(T value, String field) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			throw new InvalidDecision(field, "required");
		}
		return value;
	}

	private static RegionCode referringRegion(ReferralEvent event) {
		String referring = event.referringRegionCode();
		return (referring != null && !referring.equals(event.regionCode())) ? RegionCode.of(referring) : null;
	}

	public CaseId id() {
		return this.id;
	}

	public UUID referralId() {
		return this.referralId;
	}

	public RegionCode region() {
		return this.region;
	}

	public RegionCode referringRegion() {
		return this.referringRegion;
	}

	public String reference() {
		return this.reference;
	}

	public OpenedBecause openedBecause() {
		return this.openedBecause;
	}

	public Instant openedAt() {
		return this.openedAt;
	}

	public Instant escalatedAt() {
		return this.escalatedAt;
	}

	public CaseStatus status() {
		return this.status;
	}

	public Instant fundingSince() {
		return this.fundingSince;
	}

	public LocalDate fundingAgreedOn() {
		return this.fundingAgreedOn;
	}

	public Instant closedAt() {
		return this.closedAt;
	}

	public long version() {
		return this.version;
	}

}
