package cymru.noddfa.bench.report;

import java.util.Map;

/**
 * CPU time used during one measured window, in milliseconds, by process.
 *
 * @param stack the stack's own processes (broker, databases, services)
 * @param apart processes measured but not part of the stack: the load generator, a peer
 * matcher
 * @param parts a process counted with its descendants, in parts ("PostgreSQL · database
 * registry"): within its figure in {@code stack}, not beside it
 */
public record CpuUse(Map<String, Double> stack, Map<String, Double> apart, Map<String, Double> parts) {

	public CpuUse(Map<String, Double> stack, Map<String, Double> apart) {
		this(stack, apart, Map.of());
	}

	public double stackMillis() {
		return this.stack.values().stream().mapToDouble(Double::doubleValue).sum();
	}

	/** Stack CPU per successful answer, in milliseconds; 0 when nothing succeeded. */
	public double perRequest(long answers) {
		return (answers <= 0) ? 0 : stackMillis() / answers;
	}

}
