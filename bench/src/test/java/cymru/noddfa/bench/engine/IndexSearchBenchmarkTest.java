package cymru.noddfa.bench.engine;

import java.util.ArrayList;
import java.util.List;

import cymru.noddfa.matcher.availability.ProvisionState;
import cymru.noddfa.matcher.search.IndexSearchBenchmark;
import cymru.noddfa.matcher.search.SearchResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine benchmark's state and calls work, at the Wales scale, without running JMH: a
 * broken state would otherwise only show when someone runs bin/bench-engine.
 */
class IndexSearchBenchmarkTest {

	private final IndexSearchBenchmark benchmark = new IndexSearchBenchmark();

	@Test
	void the_state_builds_at_the_wales_scale_and_searches_answer_with_candidates() {
		IndexSearchBenchmark.Engine engine = wales();
		IndexSearchBenchmark.Searches searches = new IndexSearchBenchmark.Searches();

		assertThat(engine.provisions()).isEqualTo(100);
		assertThat(engine.fullyHeld()).as("about one in ten fully held").isBetween(4, 20);
		SearchResult first = this.benchmark.search(engine, searches);
		assertThat(first.candidates()).isNotEmpty().hasSizeLessThanOrEqualTo(10);
		List<Integer> answered = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			answered.add(this.benchmark.search(engine, searches).candidates().size());
		}
		assertThat(answered).filteredOn((count) -> count > 0).hasSizeGreaterThan(25);
	}

	@Test
	void updates_cycle_through_every_provision_each_round_at_a_higher_version() {
		IndexSearchBenchmark.Engine engine = wales();

		List<ProvisionState> round = new ArrayList<>();
		for (int i = 0; i < engine.provisions(); i++) {
			round.add(this.benchmark.update(engine));
		}
		ProvisionState nextRound = this.benchmark.update(engine);

		assertThat(round).extracting(ProvisionState::provisionId).doesNotHaveDuplicates().hasSize(100);
		assertThat(round).extracting(ProvisionState::version).containsOnly(2L);
		assertThat(nextRound.provisionId()).isEqualTo(round.get(0).provisionId());
		assertThat(nextRound.version()).isEqualTo(3);
		assertThat(nextRound.vacancies()).isNotEqualTo(round.get(0).vacancies());
	}

	private static IndexSearchBenchmark.Engine wales() {
		IndexSearchBenchmark.Engine engine = new IndexSearchBenchmark.Engine();
		engine.scale = "wales";
		engine.load();
		return engine;
	}

}
