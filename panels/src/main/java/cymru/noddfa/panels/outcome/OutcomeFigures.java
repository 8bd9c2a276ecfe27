package cymru.noddfa.panels.outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import cymru.noddfa.panels.casework.PanelCase;
import cymru.noddfa.panels.referral.ReferralEvent;

/**
 * A region's (or Wales') outcome figures for a period, a pure fold of the stored referral
 * events and the cases' funding agreements, so a replay gives the same figures. The
 * README defines each one.
 */
public record OutcomeFigures(String regionCode, LocalDate from, LocalDate to, long referrals,
		Long minutesToFirstHoldMedian, Long minutesToFirstHoldP90, Long minutesToPlacementMedian,
		Long minutesToPlacementP90, long placed, BigDecimal placedInRegionPercent, BigDecimal kmFromChildMedian,
		long aAndENightsAvoided, long escalations, long crisisStaysPast72h, Long daysToFundingAgreementMedian,
		long casesWaitingForFunding, SortedMap<String, Long> declinesByReason,
		SortedMap<String, Long> outOfRegionPlacementsByReason) {

	static final Duration A_AND_E_NIGHT = Duration.ofHours(12);

	static final String NOT_GIVEN = "NOT_GIVEN";

	/**
	 * @param events every event of the period's referrals
	 * @param cases the panel cases of those referrals
	 */
	public static OutcomeFigures of(String regionCode, Period period, List<ReferralEvent> events,
			List<PanelCase> cases) {
		Map<UUID, List<ReferralEvent>> byReferral = new LinkedHashMap<>();
		events.stream()
			.sorted(Comparator.comparing(ReferralEvent::occurredAt).thenComparing(ReferralEvent::referralVersion))
			.forEach((event) -> byReferral.computeIfAbsent(event.referralId(), (id) -> new ArrayList<>()).add(event));
		List<Long> toHold = new ArrayList<>();
		List<Long> toPlacement = new ArrayList<>();
		List<BigDecimal> km = new ArrayList<>();
		long referrals = 0;
		long placed = 0;
		long inRegionKnown = 0;
		long inRegion = 0;
		long nightsAvoided = 0;
		long escalations = 0;
		long overran = 0;
		SortedMap<String, Long> declines = new TreeMap<>();
		SortedMap<String, Long> outOfRegion = new TreeMap<>();
		for (List<ReferralEvent> referral : byReferral.values()) {
			Optional<ReferralEvent> created = first(referral, ReferralEvent.CREATED);
			if (created.isEmpty()) {
				continue;
			}
			referrals++;
			Instant madeAt = created.get().occurredAt();
			first(referral, ReferralEvent.HOLD_PLACED)
				.ifPresent((hold) -> toHold.add(Duration.between(madeAt, hold.occurredAt()).toMinutes()));
			Optional<ReferralEvent> placement = first(referral, ReferralEvent.PLACEMENT_STARTED);
			if (placement.isPresent()) {
				placed++;
				Duration waited = Duration.between(madeAt, placement.get().occurredAt());
				toPlacement.add(waited.toMinutes());
				if (placement.get().distanceKm() != null) {
					km.add(placement.get().distanceKm());
				}
				Boolean local = placement.get().bedInChildsRegion();
				if (local != null) {
					inRegionKnown++;
					if (local) {
						inRegion++;
					}
					else {
						String reason = placement.get().outOfRegionReason();
						outOfRegion.merge((reason != null) ? reason : NOT_GIVEN, 1L, Long::sum);
					}
				}
				if ("A_AND_E".equals(created.get().currentSetting()) && waited.compareTo(A_AND_E_NIGHT) <= 0) {
					nightsAvoided++;
				}
			}
			if (first(referral, ReferralEvent.ESCALATED).isPresent()) {
				escalations++;
			}
			if (first(referral, ReferralEvent.CRISIS_STAY_OVERRAN).isPresent()) {
				overran++;
			}
			referral.stream()
				.filter((event) -> event.is(ReferralEvent.HOLD_DECLINED))
				.forEach((decline) -> declines.merge((decline.reasonCode() != null) ? decline.reasonCode() : NOT_GIVEN,
						1L, Long::sum));
		}
		List<Long> daysToAgreement = new ArrayList<>();
		long waitingNow = 0;
		for (PanelCase panelCase : cases) {
			if (!byReferral.containsKey(panelCase.referralId())) {
				continue;
			}
			if (panelCase.escalatedAt() != null && panelCase.fundingAgreedOn() != null) {
				daysToAgreement.add(ChronoUnit.DAYS.between(LocalDate.ofInstant(panelCase.escalatedAt(), Period.WALES),
						panelCase.fundingAgreedOn()));
			}
			if (panelCase.waitingForFunding()) {
				waitingNow++;
			}
		}
		return new OutcomeFigures(regionCode, period.from(), period.to(), referrals,
				Percentiles.nearestRank(toHold, 50), Percentiles.nearestRank(toHold, 90),
				Percentiles.nearestRank(toPlacement, 50), Percentiles.nearestRank(toPlacement, 90), placed,
				percent(inRegion, inRegionKnown), Percentiles.nearestRank(km, 50), nightsAvoided, escalations, overran,
				Percentiles.nearestRank(daysToAgreement, 50), waitingNow, declines, outOfRegion);
	}

	/** One decimal, half up; {@code null} when nothing is known. */
	static BigDecimal percent(long part, long whole) {
		if (whole == 0) {
			return null;
		}
		return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}

	private static Optional<ReferralEvent> first(List<ReferralEvent> events, String type) {
		return events.stream().filter((event) -> event.is(type)).findFirst();
	}

}
