package cymru.noddfa.testsupport;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cymru.noddfa.testsupport.ApiOperations.Operation;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * A service's authorisation matrix, generated from the operations its OpenAPI description
 * declares ({@link ApiOperations}) and its table of rules: every operation must have
 * exactly one rule, and every rule an operation, so an endpoint added without deciding
 * who may call it fails the build, as does a rule left for one that is gone.
 */
public final class AccessMatrix {

	private AccessMatrix() {
	}

	/** Calls one operation as one caller and checks the answer against the rule. */
	@FunctionalInterface
	public interface Check<R, C> {

		void check(Operation operation, R rule, C caller) throws Throwable;

	}

	/** Fails unless the rules name exactly the operations the description declares. */
	public static void requireRulesForExactly(List<Operation> operations, Set<String> rules) {
		Set<String> declared = operations.stream().map(Operation::key).collect(Collectors.toCollection(TreeSet::new));
		Set<String> ruled = new TreeSet<>(rules);
		if (!ruled.equals(declared)) {
			Set<String> missing = new TreeSet<>(declared);
			missing.removeAll(ruled);
			Set<String> gone = new TreeSet<>(ruled);
			gone.removeAll(declared);
			throw new AssertionError("Operations without an access rule: " + missing
					+ "; rules for operations the API no longer declares: " + gone);
		}
	}

	/**
	 * One test per rule left for an operation that is gone, one per operation without a
	 * rule, and for every other operation a container with one test per caller.
	 * @param rulesLiveIn where a reader decides who may call an operation, named in the
	 * failure
	 * @param name the test's name for a rule and a caller
	 */
	public static <R, C> Stream<DynamicNode> everyCallerOfEveryOperation(List<Operation> operations,
			Map<String, R> rules, List<C> callers, String rulesLiveIn, BiFunction<R, C, String> name,
			Check<R, C> check) {
		Stream<DynamicNode> gone = rules.keySet()
			.stream()
			.filter((key) -> operations.stream().noneMatch((operation) -> operation.key().equals(key)))
			.map((key) -> dynamicTest(key + " is still served",
					failing("A rule is left for " + key + ", which the API no longer declares")));
		Stream<DynamicNode> rows = operations.stream().map((operation) -> {
			R rule = rules.get(operation.key());
			if (rule == null) {
				return dynamicTest(operation.key() + " has an access rule", failing(operation.key()
						+ " has no access rule: decide who may call it (" + rulesLiveIn + ") and add it here"));
			}
			return dynamicContainer(operation.key(), callers.stream()
				.map((caller) -> dynamicTest(name.apply(rule, caller), () -> check.check(operation, rule, caller))));
		});
		return Stream.concat(gone, rows);
	}

	private static Executable failing(String message) {
		return () -> {
			throw new AssertionError(message);
		};
	}

}
