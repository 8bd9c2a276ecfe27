package cymru.noddfa.registry.provision;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import cymru.noddfa.kit.security.AccessRefused;
import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.kit.security.Role;
import cymru.noddfa.registry.provision.HistoryEntry.Change;
import cymru.noddfa.registry.provision.HistoryEntry.Counts;
import cymru.noddfa.registry.provision.Provision.VacancyCount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvisionTest {

	static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

	static final Instant T1 = Instant.parse("2026-11-23T02:00:00Z");

	@Test
	void a_new_provision_is_open_at_version_1_with_its_vacancies_confirmed() {
		Provision provision = crisisUnit(3, 1);

		assertThat(provision.version()).isEqualTo(1);
		assertThat(provision.status()).isEqualTo(ProvisionStatus.OPEN);
		assertThat(provision.vacancies()).containsExactly(new Vacancy(BedType.CRISIS, 3, 1, T0, T0));
		assertThat(provision.changes()).extracting(HistoryEntry::change)
			.containsExactly(Change.CREATED, Change.VACANCY_SET);
	}

	@Test
	void available_can_never_exceed_total_or_go_below_zero() {
		Provision provision = stored(crisisUnit(3, 1));

		assertThatThrownBy(() -> provision.setVacancy(BedType.CRISIS, 2, 3, "shift-lead", T1))
			.isInstanceOfSatisfying(InvalidValue.class, (ex) -> {
				assertThat(ex.field()).isEqualTo("available");
				assertThat(ex.reason()).isEqualTo("available-exceeds-total");
			});
		assertThatThrownBy(() -> provision.setVacancy(BedType.CRISIS, 2, -1, "shift-lead", T1))
			.isInstanceOf(InvalidValue.class);
		assertThatThrownBy(() -> provision.setVacancy(BedType.CRISIS, -1, 0, "shift-lead", T1))
			.isInstanceOfSatisfying(InvalidValue.class, (ex) -> assertThat(ex.field()).isEqualTo("total"));
		assertThat(provision.isChanged()).isFalse();
	}

	@Test
	void one_write_raises_the_version_by_exactly_one() {
		Provision provision = stored(crisisUnit(3, 1));

		provision.update(provision.details(),
				List.of(new VacancyCount(BedType.CRISIS, 3, 0), new VacancyCount(BedType.ASSESSMENT, 2, 2)), "lead",
				T1);

		assertThat(provision.version()).isEqualTo(2);
		assertThat(provision.changes()).extracting(HistoryEntry::version).containsOnly(2L);
	}

	@Test
	void only_the_vacancies_a_write_touched_are_written_back() {
		Provision provision = stored(crisisUnit(3, 1));
		provision.setVacancy(BedType.ASSESSMENT, 2, 2, "lead", T1);
		Provision twoTypes = stored(provision);

		twoTypes.setVacancy(BedType.ASSESSMENT, 2, 1, "lead", T1);

		assertThat(twoTypes.changedVacancies()).containsExactly(new Vacancy(BedType.ASSESSMENT, 2, 1, T1, T1));
		Provision paused = stored(twoTypes);
		paused.pause("staffing", "lead", T1);
		assertThat(paused.changedVacancies()).isEmpty();
	}

	@Test
	void a_confirmation_moves_confirmed_at_but_not_the_counts() {
		Provision provision = stored(crisisUnit(3, 1));

		provision.confirm(BedType.CRISIS, "night-lead", T1);

		assertThat(provision.vacancies()).containsExactly(new Vacancy(BedType.CRISIS, 3, 1, T1, T1));
		HistoryEntry entry = provision.changes().get(0);
		assertThat(entry.change()).isEqualTo(Change.VACANCY_CONFIRMED);
		assertThat(entry.actor()).isEqualTo("night-lead");
		assertThat(entry.before()).isEqualTo(new Counts(3, 1, T0));
		assertThat(entry.after()).isEqualTo(new Counts(3, 1, T1));
	}

	@Test
	void confirming_a_bed_type_the_provision_lacks_is_refused() {
		Provision provision = stored(crisisUnit(3, 1));

		assertThatThrownBy(() -> provision.confirm(BedType.LONG_TERM, "lead", T1))
			.isInstanceOfSatisfying(InvalidValue.class, (ex) -> assertThat(ex.field()).isEqualTo("bedType"));
	}

	@Test
	void placements_take_and_give_back_beds_within_zero_and_total_and_say_when_they_clamp() {
		Provision provision = stored(crisisUnit(2, 1));

		provision.placementStarted(BedType.CRISIS, "placement-matcher", T1);
		provision.placementStarted(BedType.CRISIS, "placement-matcher", T1);

		assertThat(provision.vacancies().get(0).available()).isZero();
		assertThat(provision.vacancies().get(0).confirmedAt()).as("a placement is not a confirmation").isEqualTo(T0);
		assertThat(provision.changes()).extracting(HistoryEntry::reason).containsExactly(null, "clamped");

		Provision full = stored(crisisUnit(2, 2));
		full.placementEnded(BedType.CRISIS, "placement-matcher", T1);
		assertThat(full.vacancies().get(0).available()).isEqualTo(2);
		assertThat(full.changes().get(0).reason()).isEqualTo("clamped");
	}

	@Test
	void pause_reopen_and_close_follow_the_status_rules() {
		Provision provision = stored(crisisUnit(3, 1));

		assertThatThrownBy(() -> provision.reopen(null, "lead", T1)).isInstanceOf(ProvisionConflict.class);
		assertThatThrownBy(() -> provision.pause(" ", "lead", T1)).isInstanceOfSatisfying(InvalidValue.class,
				(ex) -> assertThat(ex.field()).isEqualTo("reason"));

		provision.pause("staffing", "lead", T1);
		assertThat(provision.status()).isEqualTo(ProvisionStatus.PAUSED);
		assertThat(provision.statusReason()).isEqualTo("staffing");
		assertThatThrownBy(() -> provision.pause("again", "lead", T1)).isInstanceOf(ProvisionConflict.class);

		provision.reopen(null, "lead", T1);
		assertThat(provision.status()).isEqualTo(ProvisionStatus.OPEN);
		assertThat(provision.statusReason()).isNull();

		provision.close("decommissioned", "lead", T1);
		assertThatThrownBy(() -> provision.setVacancy(BedType.CRISIS, 3, 3, "lead", T1))
			.isInstanceOf(ProvisionConflict.class);
		assertThatThrownBy(() -> provision.close("again", "lead", T1)).isInstanceOf(ProvisionConflict.class);
	}

	@Test
	void an_admission_window_may_cross_midnight_but_may_not_be_empty() {
		assertThat(AdmissionWindow.parse("w", "18:00-08:00").crossesMidnight()).isTrue();
		assertThat(AdmissionWindow.parse("w", "08:00-20:00").crossesMidnight()).isFalse();
		assertThatThrownBy(() -> AdmissionWindow.parse("w", "08:00-08:00")).isInstanceOf(InvalidValue.class);
		assertThatThrownBy(() -> AdmissionWindow.parse("w", "8am-9pm")).isInstanceOf(InvalidValue.class);
		assertThatThrownBy(() -> AdmissionWindow.parse("w", "24:00-08:00")).isInstanceOf(InvalidValue.class);
	}

	@Test
	void ids_are_slugs_and_provider_names_become_slugs() {
		assertThat(ProvisionId.slug("Cwm Taf Morgannwg partnership")).isEqualTo("cwm-taf-morgannwg-partnership");
		assertThat(ProvisionId.slug("Wrexham and health board")).isEqualTo("wrexham-and-health-board");
		assertThatThrownBy(() -> new ProvisionId("Has Spaces")).isInstanceOf(InvalidValue.class);
		assertThatThrownBy(() -> new ProvisionId("-leading")).isInstanceOf(InvalidValue.class);
		assertThat(ProvisionId.generate().value()).matches("p-[0-9a-f]{16}");
	}

	@Test
	void only_an_admin_or_the_provisions_own_provider_keeps_it() {
		Provision provision = stored(crisisUnit(3, 1));

		provision.requireKeeper(caller(Role.ADMIN, null, null));
		provision.requireKeeper(caller(Role.PROVIDER, null, "ctm-partnership"));
		for (Caller other : List.of(caller(Role.PROVIDER, null, "another-partnership"),
				caller(Role.PROVIDER, null, null), caller(Role.CRISIS_TEAM, "CTM", null),
				caller(Role.PANEL, "CTM", null), caller(Role.CRISIS_TEAM, null, "ctm-partnership"))) {
			assertThatThrownBy(() -> provision.requireKeeper(other)).as(other.toString())
				.isInstanceOf(AccessRefused.class);
		}
	}

	@Test
	void a_provider_cannot_describe_a_provision_as_another_providers() {
		ProvisionDetails details = stored(crisisUnit(3, 1)).details();

		details.requireKeeper(caller(Role.PROVIDER, null, "ctm-partnership"));
		details.requireKeeper(caller(Role.ADMIN, null, null));
		assertThatThrownBy(() -> details.requireKeeper(caller(Role.PROVIDER, null, "another-partnership")))
			.isInstanceOf(AccessRefused.class);
	}

	private static Caller caller(Role role, String region, String providerId) {
		return new Caller("someone", Set.of(role), region, providerId);
	}

	static Provision crisisUnit(int total, int available) {
		ProvisionDetails details = new ProvisionDetails("ctm-partnership", "Bridgend hub", ProvisionKind.CRISIS_UNIT,
				"CTM", "Bridgend", new Location(51.51, -3.59), null, new AgeRange(11, 17), Accepts.ANY,
				List.of("MH_CRISIS"), List.of(), Admissions.ALWAYS, null, null, 12);
		return Provision.create(new ProvisionId("bridgend-hub"), details,
				List.of(new VacancyCount(BedType.CRISIS, total, available)), "lead", true, T0);
	}

	/** As if read back from the database: no pending changes. */
	static Provision stored(Provision provision) {
		return Provision.restore(provision.id(), provision.version(), provision.details(), provision.status(),
				provision.statusReason(), provision.vacancies(), provision.updatedAt());
	}

}
