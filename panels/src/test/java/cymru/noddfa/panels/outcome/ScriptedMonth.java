package cymru.noddfa.panels.outcome;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;

import cymru.noddfa.panels.ReferralEvents;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A month of referrals across every Welsh region from a fixed seed, as the matcher would
 * publish them (with the optional fields it is about to add, sometimes left out as an
 * older producer would), and the funding agreements a panel records on some of them.
 */
final class ScriptedMonth {

	static final ZoneId WALES = ZoneId.of("Europe/London");

	static final LocalDate FROM = LocalDate.of(2025, 3, 1);

	static final LocalDate TO = LocalDate.of(2025, 3, 31);

	static final String[] SETTINGS = { "HOME", "A_AND_E", "POLICE", "OTHER" };

	static final String[] DECLINES = { "NO_STAFF", "NEEDS_NOT_MET", "RISK_TOO_HIGH", "BED_NO_LONGER_FREE", "OTHER" };

	static final String[] OUT_OF_REGION = { "NO_SUITABLE_BED_IN_REGION", "NEEDS_NOT_MET_IN_REGION",
			"CHILD_OR_FAMILY_PREFERENCE", "SAFEGUARDING_DISTANCE" };

	final List<String> regions;

	final List<Map<String, Object>> events = new ArrayList<>();

	/** Referral id to the date its case's funding is agreed on. */
	final Map<String, LocalDate> agreements = new LinkedHashMap<>();

	final List<String> provisions = new ArrayList<>();

	private final Random random;

	ScriptedMonth(long seed, int referrals) {
		this.random = new Random(seed);
		this.regions = regions();
		Instant start = FROM.atStartOfDay(WALES).toInstant();
		long minutes = Duration.between(start, TO.plusDays(1).atStartOfDay(WALES).toInstant()).toMinutes();
		for (int i = 0; i < referrals; i++) {
			String region = this.regions.get(i % this.regions.size());
			referral(region, start.plus(Duration.ofMinutes(this.random.nextLong(minutes))));
		}
	}

	private void referral(String region, Instant created) {
		String id = new UUID(this.random.nextLong(), this.random.nextLong()).toString();
		List<Map<String, Object>> steps = new ArrayList<>();
		Map<String, Object> made = new LinkedHashMap<>();
		made.put("bedType", "CRISIS");
		made.put("needs", List.of("MH_CRISIS"));
		if (this.random.nextInt(10) > 0) {
			made.put("currentSetting", SETTINGS[this.random.nextInt(SETTINGS.length)]);
		}
		if (this.random.nextInt(10) == 0) {
			made.put("referringRegionCode", other(region));
		}
		steps.add(step("ReferralCreated", id, created, region, made));
		Instant at = created;
		boolean escalated = false;
		if (this.random.nextInt(100) < 15) {
			at = at.plus(Duration.ofMinutes(5 + this.random.nextInt(120)));
			steps.add(step("ReferralEscalated", id, at, region, Map.of("outOfRegionOptions", List.of())));
			escalated = true;
		}
		if (this.random.nextInt(100) < 85) {
			Map<String, Object> bed = bed(region);
			at = at.plus(Duration.ofMinutes(1 + this.random.nextInt(240)));
			steps.add(step("HoldPlaced", id, at, region, hold(bed, at)));
			if (this.random.nextInt(100) < 20) {
				at = at.plus(Duration.ofMinutes(1 + this.random.nextInt(30)));
				Map<String, Object> declined = new LinkedHashMap<>();
				declined.put("holdId", UUID.randomUUID().toString());
				declined.put("provisionId", bed.get("provisionId"));
				declined.put("bedType", "CRISIS");
				declined.put("reasonCode", DECLINES[this.random.nextInt(DECLINES.length)]);
				steps.add(step("HoldDeclined", id, at, region, declined));
				bed = bed(region);
				at = at.plus(Duration.ofMinutes(1 + this.random.nextInt(60)));
				steps.add(step("HoldPlaced", id, at, region, hold(bed, at)));
			}
			if (this.random.nextInt(100) < 75) {
				at = at.plus(Duration.ofMinutes(5 + this.random.nextInt(1200)));
				Map<String, Object> placement = new LinkedHashMap<>(bed);
				placement.put("placementId", UUID.randomUUID().toString());
				placement.put("at", at.toString());
				steps.add(step("PlacementStarted", id, at, region, placement));
				if (this.random.nextInt(100) < 12) {
					at = at.plus(Duration.ofHours(72));
					steps.add(step("CrisisStayOverran", id, at, region, Map.of("placementId",
							placement.get("placementId"), "provisionId", bed.get("provisionId"))));
					escalated = true;
				}
			}
		}
		if (escalated && this.random.nextBoolean()) {
			this.agreements.put(id, LocalDate.ofInstant(at, WALES).plusDays(this.random.nextInt(21)));
		}
		this.events.addAll(steps);
	}

	private Map<String, Object> step(String type, String referral, Instant at, String region,
			Map<String, Object> extra) {
		long version = this.events.stream().filter((e) -> referral.equals(e.get("referralId"))).count() + 1;
		return ReferralEvents.event(new UUID(this.random.nextLong(), this.random.nextLong()), type, referral, version,
				at, region, extra);
	}

	/** A bed somewhere: mostly in the child's region, sometimes not said. */
	private Map<String, Object> bed(String region) {
		boolean local = this.random.nextInt(100) < 75;
		String provisionRegion = local ? region : other(region);
		String provision = "month-" + provisionRegion.toLowerCase() + "-" + this.random.nextInt(6);
		this.provisions.add(provision);
		Map<String, Object> bed = new LinkedHashMap<>();
		bed.put("provisionId", provision);
		bed.put("bedType", "CRISIS");
		bed.put("provisionRegionCode", provisionRegion);
		if (this.random.nextInt(10) > 0) {
			bed.put("inRegion", local);
		}
		if (this.random.nextInt(10) > 0) {
			bed.put("distanceKm", BigDecimal.valueOf(50 + this.random.nextInt(15_000), 2));
		}
		if (!local && this.random.nextInt(10) > 0) {
			bed.put("outOfRegionReason", OUT_OF_REGION[this.random.nextInt(OUT_OF_REGION.length)]);
		}
		return bed;
	}

	private static Map<String, Object> hold(Map<String, Object> bed, Instant at) {
		Map<String, Object> hold = new LinkedHashMap<>(bed);
		hold.put("holdId", UUID.randomUUID().toString());
		hold.put("expiresAt", at.plus(Duration.ofMinutes(30)).toString());
		return hold;
	}

	private String other(String region) {
		List<String> others = new ArrayList<>(this.regions);
		others.remove(region);
		return others.get(this.random.nextInt(others.size()));
	}

	/** The region codes of the data set, in the file's order. */
	static List<String> regions() {
		try (Reader reader = new InputStreamReader(
				ScriptedMonth.class.getResourceAsStream("/reference/wales-regions.csv"), StandardCharsets.UTF_8)) {
			TreeSet<String> codes = new TreeSet<>();
			for (CSVRecord row : CSVFormat.RFC4180.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(reader)) {
				codes.add(row.get("region_code"));
			}
			return List.copyOf(codes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The figures the README defines, counted again here straight from the generated
	 * events, without the service's code.
	 */
	Map<String, Object> expected(String region) {
		Instant from = FROM.atStartOfDay(WALES).toInstant();
		Instant to = TO.plusDays(1).atStartOfDay(WALES).toInstant();
		Map<String, List<Map<String, Object>>> byReferral = new LinkedHashMap<>();
		for (Map<String, Object> event : this.events) {
			byReferral.computeIfAbsent((String) event.get("referralId"), (k) -> new ArrayList<>()).add(event);
		}
		List<Long> toHold = new ArrayList<>();
		List<Long> toPlacement = new ArrayList<>();
		List<BigDecimal> km = new ArrayList<>();
		List<Long> days = new ArrayList<>();
		long referrals = 0, placed = 0, known = 0, local = 0, nights = 0, escalations = 0, overran = 0, waiting = 0;
		Map<String, Long> declines = new java.util.TreeMap<>();
		Map<String, Long> outOfRegion = new java.util.TreeMap<>();
		for (Map.Entry<String, List<Map<String, Object>>> referral : byReferral.entrySet()) {
			List<Map<String, Object>> steps = referral.getValue();
			Map<String, Object> made = steps.get(0);
			Instant madeAt = Instant.parse((String) made.get("occurredAt"));
			if (madeAt.isBefore(from) || !madeAt.isBefore(to)
					|| (region != null && !region.equals(made.get("regionCode")))) {
				continue;
			}
			referrals++;
			Map<String, Object> hold = firstOf(steps, "HoldPlaced");
			if (hold != null) {
				toHold.add(minutes(madeAt, hold));
			}
			Map<String, Object> placement = firstOf(steps, "PlacementStarted");
			if (placement != null) {
				placed++;
				long waited = minutes(madeAt, placement);
				toPlacement.add(waited);
				if (placement.get("distanceKm") != null) {
					km.add((BigDecimal) placement.get("distanceKm"));
				}
				Boolean inRegion = (Boolean) placement.get("inRegion");
				if (inRegion == null) {
					inRegion = placement.get("provisionRegionCode").equals(made.get("regionCode"));
				}
				known++;
				if (inRegion) {
					local++;
				}
				else {
					outOfRegion.merge((String) placement.getOrDefault("outOfRegionReason", "NOT_GIVEN"), 1L, Long::sum);
				}
				if ("A_AND_E".equals(made.get("currentSetting")) && waited <= 12 * 60) {
					nights++;
				}
			}
			Map<String, Object> escalation = firstOf(steps, "ReferralEscalated");
			Map<String, Object> overrun = firstOf(steps, "CrisisStayOverran");
			if (escalation != null) {
				escalations++;
			}
			if (overrun != null) {
				overran++;
			}
			for (Map<String, Object> step : steps) {
				if ("HoldDeclined".equals(step.get("type"))) {
					declines.merge((String) step.get("reasonCode"), 1L, Long::sum);
				}
			}
			Map<String, Object> escalatedBy = (escalation != null) ? escalation : overrun;
			if (escalatedBy != null) {
				LocalDate agreed = this.agreements.get(referral.getKey());
				if (agreed != null) {
					days.add(agreed.toEpochDay()
							- LocalDate.ofInstant(Instant.parse((String) escalatedBy.get("occurredAt")), WALES)
								.toEpochDay());
				}
				else {
					waiting++;
				}
			}
		}
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("referrals", referrals);
		figures.put("minutesToFirstHoldMedian", rank(toHold, 50));
		figures.put("minutesToFirstHoldP90", rank(toHold, 90));
		figures.put("minutesToPlacementMedian", rank(toPlacement, 50));
		figures.put("minutesToPlacementP90", rank(toPlacement, 90));
		figures.put("placed", placed);
		figures.put("placedInRegionPercent", (known == 0) ? null
				: new BigDecimal(local * 1000).divide(new BigDecimal(known), 0, RoundingMode.HALF_UP).movePointLeft(1));
		figures.put("kmFromChildMedian", rank(km, 50));
		figures.put("aAndENightsAvoided", nights);
		figures.put("escalations", escalations);
		figures.put("crisisStaysPast72h", overran);
		figures.put("daysToFundingAgreementMedian", rank(days, 50));
		figures.put("casesWaitingForFunding", waiting);
		figures.put("declinesByReason", declines);
		figures.put("outOfRegionPlacementsByReason", outOfRegion);
		return figures;
	}

	private static Map<String, Object> firstOf(List<Map<String, Object>> steps, String type) {
		return steps.stream().filter((step) -> type.equals(step.get("type"))).findFirst().orElse(null);
	}

	private static long minutes(Instant from, Map<String, Object> step) {
		return (Instant.parse((String) step.get("occurredAt")).getEpochSecond() - from.getEpochSecond()) / 60;
	}

	/** Nearest rank, counted as ⌈p·n/100⌉ on a sorted copy. */
	private static <T extends Comparable<T>> T rank(List<T> values, int percentile) {
		if (values.isEmpty()) {
			return null;
		}
		List<T> sorted = values.stream().sorted().toList();
		return sorted.get((int) Math.ceil(sorted.size() * percentile / 100.0) - 1);
	}

}
