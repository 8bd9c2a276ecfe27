package cymru.noddfa.bench.workload;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import cymru.noddfa.bench.report.ProcessCpu;

/**
 * Before each workload, waits until what the workload before left behind is gone: calls
 * its callers gave up on that the stack is still working through, a circuit breaker it
 * opened. Those belong to the workload that caused them, not to the next one.
 */
public final class Settle {

	private Settle() {
	}

	/**
	 * Waits until the stack's processes have used less than a quarter of one core for
	 * three seconds in a row, or {@code within} has passed. An overloaded workload leaves
	 * work behind when its callers time out: a search of the peer's that waited for a
	 * database connection still runs its query after the load generator gave up, and
	 * those queries kept both cores busy through the warm-up and much of the window of
	 * the search after it. Idle, the stack uses well under a tenth of a core.
	 */
	public static Duration untilQuiet(ProcessCpu cpu, Duration within) {
		long start = System.nanoTime();
		long deadline = start + within.toNanos();
		int quietSeconds = 0;
		ProcessCpu.Sample before = cpu.sample();
		while (quietSeconds < 3 && System.nanoTime() < deadline) {
			Loading.pause(1_000);
			ProcessCpu.Sample after = cpu.sample();
			quietSeconds = (cpu.between(before, after).stackMillis() < 250) ? quietSeconds + 1 : 0;
			before = after;
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	public static Duration untilSearchesAnswer(Http http, Tokens tokens, String gateway) {
		long start = System.nanoTime();
		long deadline = start + 60_000_000_000L;
		String url = gateway + "/api/matching/v1/searches?regionCode=CTM&lat=51.5&lon=-3.58&age=14&bedType=CRISIS";
		int inRow = 0;
		while (System.nanoTime() < deadline && inRow < 3) {
			inRow = http.get(url, tokens.crisisTeam("CTM")).ok() ? inRow + 1 : 0;
			Loading.pause(200);
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/**
	 * Waits until a consumer group has read everything on the broker, so a workload
	 * measures its own events and not the queue earlier workloads left.
	 */
	public static Duration untilConsumed(String bootstrapServers, String group, Duration within) {
		long start = System.nanoTime();
		long deadline = start + within.toNanos();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			while (System.nanoTime() < deadline) {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
					.partitionsToOffsetAndMetadata()
					.get(10, TimeUnit.SECONDS);
				Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
				committed.keySet().forEach((partition) -> latest.put(partition, OffsetSpec.latest()));
				Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest)
					.all()
					.get(10, TimeUnit.SECONDS);
				long lag = 0;
				for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
					if (entry.getValue() != null) {
						lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
					}
				}
				if (lag == 0) {
					break;
				}
				Loading.pause(250);
			}
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not read the lag of " + group, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/**
	 * Repeats a set-up call (not a measured one) while the stack answers 503 or not at
	 * all.
	 */
	static Http.Answer retrying(java.util.function.Supplier<Http.Answer> call) {
		Http.Answer answer = call.get();
		for (int attempt = 0; attempt < 20 && (answer.status() == 503 || answer.status() < 0); attempt++) {
			Loading.pause(500);
			answer = call.get();
		}
		return answer;
	}

}
