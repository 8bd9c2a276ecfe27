package cymru.noddfa.matcher.referral;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.networknt.schema.JsonSchema;
import cymru.noddfa.matcher.availability.BedType;
import cymru.noddfa.matcher.referral.ReferralEvent.About;
import cymru.noddfa.matcher.referral.ReferralEvent.CrisisStayOverran;
import cymru.noddfa.matcher.referral.ReferralEvent.HoldAccepted;
import cymru.noddfa.matcher.referral.ReferralEvent.HoldDeclined;
import cymru.noddfa.matcher.referral.ReferralEvent.HoldExpired;
import cymru.noddfa.matcher.referral.ReferralEvent.HoldPlaced;
import cymru.noddfa.matcher.referral.ReferralEvent.MatchFound;
import cymru.noddfa.matcher.referral.ReferralEvent.OutOfRegionApprovalRequested;
import cymru.noddfa.matcher.referral.ReferralEvent.PlacementEnded;
import cymru.noddfa.matcher.referral.ReferralEvent.PlacementStarted;
import cymru.noddfa.matcher.referral.ReferralEvent.ReferralCancelled;
import cymru.noddfa.matcher.referral.ReferralEvent.ReferralCreated;
import cymru.noddfa.matcher.referral.ReferralEvent.ReferralEscalated;
import cymru.noddfa.testsupport.JsonSchemas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event the matcher raises, written as it leaves, against the committed contract:
 * the producer's half of the contract test. The journeys in {@link ReferralsTest} check
 * the same events as a consumer reads them off the broker.
 */
class ReferralEventContractTest {

	private static final JsonSchema SCHEMA = JsonSchemas
		.load(Path.of("src/main/resources/contracts/matching.referral-events.v1.schema.json"));

	private static final Instant AT = Instant.parse("2026-11-23T02:00:00Z");

	private static final ReferralEvent.Siting OUT_OF_REGION = new ReferralEvent.Siting("CTM", false, 41.5,
			OutOfRegionReason.NO_SUITABLE_BED_IN_REGION);

	private static final ReferralEvent.Siting IN_REGION = new ReferralEvent.Siting("POW", true, 3.2, null);

	private final ReferralEventPublisher publisher = new ReferralEventPublisher(null, JsonMapper.builder().build(),
			null);

	@Test
	void every_event_the_matcher_raises_is_valid_against_the_committed_schema() {
		for (ReferralEvent event : oneOfEach()) {
			String json = this.publisher.payload(event, ReferralEventPublisher.wireType(event)).toString();
			assertThat(JsonSchemas.violations(SCHEMA, json)).as(json).isEmpty();
		}
	}

	@Test
	void a_referral_cancelled_with_no_live_hold_names_no_bed_and_is_valid() {
		ReferralEvent cancelled = new ReferralCancelled(about(2), null, null, null);

		String json = this.publisher.payload(cancelled, ReferralEventPublisher.wireType(cancelled)).toString();

		assertThat(JsonSchemas.violations(SCHEMA, json)).as(json).isEmpty();
		assertThat(json).doesNotContain("holdId", "provisionId", "bedType");
	}

	@Test
	void the_wire_names_are_exactly_those_the_contract_enumerates() {
		Set<String> contracted = new java.util.HashSet<>();
		SCHEMA.getSchemaNode()
			.get("properties")
			.get("type")
			.get("enum")
			.forEach((type) -> contracted.add(type.asText()));
		Set<String> raised = oneOfEach().stream().map(ReferralEventPublisher::wireType).collect(Collectors.toSet());
		Set<String> records = Arrays.stream(ReferralEvent.class.getPermittedSubclasses())
			.map(Class::getSimpleName)
			.collect(Collectors.toSet());

		assertThat(raised).isEqualTo(contracted);
		assertThat(records).as("one example per event record").hasSameSizeAs(oneOfEach());
		assertThat(ReferralEventPublisher.wireType(oneOfEach().get(2))).isEqualTo("MatchAvailable");
	}

	@Test
	void the_optional_region_fields_go_out_as_the_contract_names_them() {
		List<String> json = oneOfEach().stream()
			.map((event) -> this.publisher.payload(event, ReferralEventPublisher.wireType(event)).toString())
			.toList();

		assertThat(json).allSatisfy(
				(event) -> assertThat(event).contains("\"regionCode\":\"POW\"", "\"referringRegionCode\":\"CAV\""));
		assertThat(json.get(0)).contains("\"currentSetting\":\"A_AND_E\"");
		assertThat(json.get(3)).contains("\"provisionRegionCode\":\"CTM\"", "\"inRegion\":false", "\"distanceKm\":41.5",
				"\"outOfRegionReason\":\"NO_SUITABLE_BED_IN_REGION\"");
		assertThat(json.get(4)).contains("\"type\":\"OutOfRegionApprovalRequested\"", "\"bedType\":\"ASSESSMENT\"",
				"\"outOfRegionReason\":\"NO_SUITABLE_BED_IN_REGION\"");
		assertThat(json.get(8)).contains("\"inRegion\":true", "\"provisionRegionCode\":\"POW\"")
			.doesNotContain("outOfRegionReason");
	}

	@Test
	void a_reason_given_for_a_bed_in_region_is_refused_by_the_contract() {
		String inRegionWithReason = """
				{"eventId": "7a2d3b63-9d2f-4e7c-8b66-1a8e4b2c3d4e", "type": "HoldPlaced",
				 "referralId": "0b5e6a8e-3c2f-4e7a-9d1b-2f4c6e8a0b1c", "referralVersion": 2,
				 "occurredAt": "2026-11-23T02:01:00Z", "regionCode": "CTM", "reference": "CTM-0042",
				 "holdId": "8b3e4c74-0e3a-4f8d-9c77-2b9f5c3d4e5f", "provisionId": "bridgend-hub", "bedType": "CRISIS",
				 "expiresAt": "2026-11-23T02:31:00Z", "inRegion": true, "outOfRegionReason": "SAFEGUARDING_DISTANCE"}
				""";

		assertThat(JsonSchemas.violations(SCHEMA, inRegionWithReason)).isNotEmpty();
	}

	private static List<ReferralEvent> oneOfEach() {
		HoldId hold = new HoldId(UUID.randomUUID());
		PlacementId placement = new PlacementId(UUID.randomUUID());
		return List.of(
				new ReferralCreated(about(1), BedType.CRISIS, List.of(new NeedCode("MH_CRISIS")),
						CurrentSetting.A_AND_E),
				new ReferralEscalated(about(2),
						List.of(new Referral.Option("cardiff-hub", "Cardiff Hub", "CAV", 31.5))),
				new MatchFound(about(2), "cardiff-hub", BedType.CRISIS),
				new HoldPlaced(about(3), hold, "bridgend-hub", BedType.CRISIS, AT.plusSeconds(1800), OUT_OF_REGION),
				new OutOfRegionApprovalRequested(about(2), "bridgend-hub", BedType.ASSESSMENT,
						OutOfRegionReason.NO_SUITABLE_BED_IN_REGION),
				new HoldAccepted(about(4), hold, "bridgend-hub", BedType.CRISIS),
				new HoldDeclined(about(4), hold, "bridgend-hub", BedType.CRISIS, DeclineReason.NO_STAFF),
				new HoldExpired(about(4), hold, "bridgend-hub", BedType.CRISIS),
				new PlacementStarted(about(5), placement, "bridgend-hub", BedType.CRISIS, IN_REGION),
				new PlacementEnded(about(6), placement, "bridgend-hub", BedType.CRISIS),
				new CrisisStayOverran(about(5), placement, "bridgend-hub"),
				new ReferralCancelled(about(4), hold, "bridgend-hub", BedType.CRISIS));
	}

	private static About about(long version) {
		return new About(UUID.randomUUID(), AT, ReferralId.random(), version, new RegionCode("POW"), "CAV-0042",
				new RegionCode("CAV"));
	}

}
