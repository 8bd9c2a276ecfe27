package cymru.noddfa.panels.casework;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cymru.noddfa.panels.referral.ReferralEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The case's own rules, without Spring. */
class PanelCaseTest {

	static final Instant ESCALATED = Instant.parse("2026-11-23T02:00:00Z");

	@Test
	void a_closed_case_refuses_any_further_decision() {
		PanelCase panelCase = escalated();
		panelCase.record(close(), "panel:a", ESCALATED.plusSeconds(60), List.of());

		assertThatThrownBy(() -> panelCase.record(close(), "panel:b", ESCALATED.plusSeconds(120), List.of()))
			.isInstanceOf(CaseClosed.class);
		assertThat(panelCase.status()).isEqualTo(CaseStatus.CLOSED);
	}

	@Test
	void an_escalated_case_waits_for_funding_until_it_is_agreed() {
		PanelCase panelCase = escalated();
		Duration threshold = Duration.ofDays(3);

		assertThat(panelCase.fundingOverdue(ESCALATED.plus(Duration.ofDays(3)).minusSeconds(1), threshold)).isFalse();
		assertThat(panelCase.fundingOverdue(ESCALATED.plus(Duration.ofDays(3)), threshold)).isTrue();
		assertThat(panelCase.daysWaitingForFunding(ESCALATED.plus(Duration.ofDays(4)))).isEqualTo(4);

		panelCase.record(funding("70", "30"), "panel:a", ESCALATED.plus(Duration.ofDays(4)), List.of());

		assertThat(panelCase.waitingForFunding()).isFalse();
		assertThat(panelCase.fundingOverdue(ESCALATED.plus(Duration.ofDays(9)), threshold)).isFalse();
		assertThat(panelCase.fundingAgreedOn()).isEqualTo(LocalDate.of(2026, 11, 27));
	}

	@Test
	void shares_must_be_whole_percentages_that_add_up_to_100() {
		PanelCase panelCase = escalated();

		assertThatThrownBy(() -> panelCase.record(funding("60", "30"), "p", ESCALATED, List.of()))
			.isInstanceOfSatisfying(InvalidDecision.class,
					(ex) -> assertThat(ex.field()).isEqualTo("healthBoardSharePercent"));
		assertThatThrownBy(() -> panelCase.record(funding("50.5", "49.5"), "p", ESCALATED, List.of()))
			.isInstanceOfSatisfying(InvalidDecision.class,
					(ex) -> assertThat(ex.field()).isEqualTo("localAuthoritySharePercent"));
		assertThatThrownBy(() -> panelCase.record(funding("-1", "101"), "p", ESCALATED, List.of()))
			.isInstanceOf(InvalidDecision.class);
		assertThat(panelCase.record(funding("100.0", "0"), "p", ESCALATED, List.of()).localAuthoritySharePercent())
			.isEqualTo(100);
	}

	@Test
	void a_correction_must_supersede_an_earlier_decision_of_the_same_case() {
		PanelCase panelCase = escalated();
		Decision first = panelCase.record(funding("50", "50"), "p", ESCALATED, List.of());
		DecisionRequest correction = new DecisionRequest(DecisionType.AGREE_JOINT_FUNDING,
				DecisionReason.CONTINUING_CARE_ASSESSED, null, new BigDecimal("40"), new BigDecimal("60"),
				LocalDate.of(2026, 11, 27), "JF-1", null, null, first.id());

		assertThat(panelCase.record(correction, "p", ESCALATED, List.of(first)).supersedes()).isEqualTo(first.id());
		assertThatThrownBy(() -> panelCase.record(correction, "p", ESCALATED, List.of()))
			.isInstanceOfSatisfying(InvalidDecision.class, (ex) -> assertThat(ex.field()).isEqualTo("supersedes"));
	}

	@Test
	void only_an_out_of_region_hold_among_holds_opens_a_case() {
		assertThat(OpenedBecause.of(hold(false, null))).contains(OpenedBecause.OUT_OF_REGION_HOLD);
		assertThat(OpenedBecause.of(hold(null, "CAV"))).contains(OpenedBecause.OUT_OF_REGION_HOLD);
		assertThat(OpenedBecause.of(hold(true, null))).isEmpty();
		assertThat(OpenedBecause.of(hold(null, null))).as("an older producer's hold").isEmpty();
	}

	private static ReferralEvent hold(Boolean inRegion, String provisionRegion) {
		return new ReferralEvent(UUID.randomUUID(), "HoldPlaced", UUID.randomUUID(), 2, ESCALATED, "POW", null, "POW-1",
				"CRISIS", "unit", null, null, provisionRegion, inRegion, null, null);
	}

	private static PanelCase escalated() {
		ReferralEvent escalation = new ReferralEvent(UUID.randomUUID(), "ReferralEscalated", UUID.randomUUID(), 3,
				ESCALATED, "POW", "CAV", "POW-1", null, null, null, null, null, null, null, null);
		return PanelCase.open(CaseId.random(), escalation, OpenedBecause.of(escalation).orElseThrow());
	}

	private static DecisionRequest close() {
		return new DecisionRequest(DecisionType.CLOSE, DecisionReason.NO_LONGER_NEEDED, null, null, null, null, null,
				null, null, null);
	}

	private static DecisionRequest funding(String localAuthority, String healthBoard) {
		return new DecisionRequest(DecisionType.AGREE_JOINT_FUNDING, DecisionReason.CONTINUING_CARE_ASSESSED, null,
				new BigDecimal(localAuthority), new BigDecimal(healthBoard), LocalDate.of(2026, 11, 27), "JF-1", null,
				null, null);
	}

}
