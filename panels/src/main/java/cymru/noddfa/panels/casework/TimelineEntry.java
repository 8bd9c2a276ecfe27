package cymru.noddfa.panels.casework;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import cymru.noddfa.panels.referral.ReferralEvent;

/**
 * One line of a case's timeline: an event of its referral ({@code kind = EVENT}) or a
 * decision of its panel ({@code kind = DECISION}), in the order they happened.
 *
 * @param type the referral event's type, or the decision's
 * @param reasonCode a decline's reason, or a decision's
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(Instant at, String kind, String type, String bedType, String provisionId, String reasonCode,
		Boolean inRegion, BigDecimal distanceKm, String outOfRegionReason, Decision decision) {

	static final String EVENT = "EVENT";

	static final String DECISION = "DECISION";

	/** Events and decisions merged by time; on a tie the event comes first. */
	public static List<TimelineEntry> of(List<ReferralEvent> events, List<Decision> decisions) {
		List<TimelineEntry> entries = new ArrayList<>();
		events.forEach((event) -> entries.add(new TimelineEntry(event.occurredAt(), EVENT, event.type(),
				event.bedType(), event.provisionId(), event.reasonCode(), event.bedInChildsRegion(), event.distanceKm(),
				event.outOfRegionReason(), null)));
		decisions
			.forEach((decision) -> entries.add(new TimelineEntry(decision.decidedAt(), DECISION, decision.type().name(),
					null, decision.provisionId(), decision.reasonCode().name(), null, null, null, decision)));
		entries
			.sort(Comparator.comparing(TimelineEntry::at).thenComparing((entry) -> entry.kind().equals(EVENT) ? 0 : 1));
		return entries;
	}

}
