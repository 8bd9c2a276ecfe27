package cymru.noddfa.matcher.search;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import cymru.noddfa.bench.generate.ProvisionGenerator;
import cymru.noddfa.bench.generate.Scale;
import cymru.noddfa.matcher.availability.ProvisionState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The matcher's in-process search engine alone, without HTTP, Redis or the other
 * services: {@link IndexSearch} over a
 * {@link cymru.noddfa.matcher.availability.ProvisionIndex} holding a scale's generated
 * provisions, the scale's search mix, and the index taking providers' updates.
 * {@code bin/bench-engine} runs it.
 * <p>
 * It lives in the matcher's search package, although built in the bench module, because
 * {@link IndexSearch} and its {@code FreeBeds} are package-private there: the engine is
 * measured as the matcher calls it, without widening the matcher's API for a benchmark.
 * <p>
 * Sample time in microseconds gives the percentiles of one call; throughput the calls a
 * second one thread makes. In the group, three threads search while one applies updates,
 * the readers and the writer sharing the index's lock as a matcher's request threads and
 * its provision-state consumer do; on fewer than four cores they also share the cores.
 */
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IndexSearchBenchmark {

	/** One scale's index, searches and updates, shared by every thread of a run. */
	@State(Scope.Benchmark)
	public static class Engine {

		@Param({ "national", "wales" })
		public String scale;

		IndexedScale indexed;

		final AtomicLong updates = new AtomicLong();

		@Setup(Level.Trial)
		public void load() {
			this.indexed = IndexedScale.load(Scale.of(this.scale), ProvisionGenerator.DEFAULT_SEED);
		}

		/** Provisions in the index, for checks outside a run. */
		public int provisions() {
			return this.indexed.provisions();
		}

		/** Provisions whose beds are all held, for checks outside a run. */
		public int fullyHeld() {
			return this.indexed.fullyHeld();
		}

	}

	/**
	 * Where each searching thread is in the mix; threads start apart so that concurrent
	 * searches are different searches.
	 */
	@State(Scope.Thread)
	public static class Searches {

		int next;

		@Setup(Level.Trial)
		public void start(ThreadParams thread) {
			this.next = thread.getThreadIndex() * (IndexedScale.SEARCHES / 4 + 1);
		}

		int next() {
			return this.next++;
		}

	}

	@Benchmark
	@BenchmarkMode({ Mode.SampleTime, Mode.Throughput })
	public SearchResult search(Engine engine, Searches searches) {
		return engine.indexed.search(searches.next());
	}

	@Benchmark
	@BenchmarkMode({ Mode.SampleTime, Mode.Throughput })
	public ProvisionState update(Engine engine) {
		return engine.indexed.update(engine.updates.getAndIncrement());
	}

	@Benchmark
	@Group("searchWhileUpdating")
	@GroupThreads(3)
	@BenchmarkMode({ Mode.SampleTime, Mode.Throughput })
	public SearchResult searching(Engine engine, Searches searches) {
		return engine.indexed.search(searches.next());
	}

	@Benchmark
	@Group("searchWhileUpdating")
	@GroupThreads(1)
	@BenchmarkMode({ Mode.SampleTime, Mode.Throughput })
	public ProvisionState updating(Engine engine) {
		return engine.indexed.update(engine.updates.getAndIncrement());
	}

}
