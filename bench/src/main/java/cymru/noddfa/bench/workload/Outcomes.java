package cymru.noddfa.bench.workload;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** Unexpected answers by status, so a report says what the errors were. */
final class Outcomes {

	private final Map<Integer, AtomicLong> unexpected = new ConcurrentHashMap<>();

	/** Counts the answer when it is not the one expected; true when it is. */
	boolean expect(Http.Answer answer, int status) {
		if (answer.status() == status) {
			return true;
		}
		this.unexpected.computeIfAbsent(answer.status(), (s) -> new AtomicLong()).incrementAndGet();
		return false;
	}

	@Override
	public String toString() {
		if (this.unexpected.isEmpty()) {
			return "";
		}
		return "; errors by status: " + new TreeMap<>(this.unexpected).entrySet()
			.stream()
			.map((e) -> ((e.getKey() < 0) ? "no answer" : e.getKey()) + " × " + e.getValue())
			.collect(Collectors.joining(", "));
	}

}
