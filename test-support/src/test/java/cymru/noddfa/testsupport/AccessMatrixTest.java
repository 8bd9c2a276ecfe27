package cymru.noddfa.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cymru.noddfa.testsupport.ApiOperations.Operation;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessMatrixTest {

	private static final List<Operation> OPERATIONS = List.of(new Operation("GET", "/v1/things"),
			new Operation("POST", "/v1/things"));

	@Test
	void rules_for_exactly_the_declared_operations_pass() {
		assertThatNoException().isThrownBy(
				() -> AccessMatrix.requireRulesForExactly(OPERATIONS, Set.of("GET /v1/things", "POST /v1/things")));
	}

	@Test
	void an_operation_without_a_rule_or_a_rule_without_an_operation_fails_naming_both() {
		assertThatThrownBy(() -> AccessMatrix.requireRulesForExactly(OPERATIONS,
				Set.of("GET /v1/things", "DELETE /v1/things/{id}")))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("[POST /v1/things]")
			.hasMessageContaining("[DELETE /v1/things/{id}]");
	}

	@Test
	void every_caller_of_every_ruled_operation_is_checked_and_the_gaps_fail() throws Throwable {
		List<String> checked = new ArrayList<>();
		List<DynamicNode> nodes = AccessMatrix
			.everyCallerOfEveryOperation(OPERATIONS, Map.of("GET /v1/things", "anyone", "PUT /v1/gone", "admins"),
					List.of("ADMIN", "PANEL"), "AccessConfiguration", (rule, caller) -> caller + " as " + rule,
					(operation, rule, caller) -> checked.add(operation.key() + " " + caller))
			.toList();

		List<String> failures = new ArrayList<>();
		for (DynamicNode node : nodes) {
			List<DynamicNode> leaves = new ArrayList<>();
			if (node instanceof DynamicContainer container) {
				container.getChildren().forEach(leaves::add);
			}
			else {
				leaves.add(node);
			}
			for (DynamicNode leaf : leaves) {
				try {
					((DynamicTest) leaf).getExecutable().execute();
				}
				catch (AssertionError ex) {
					failures.add(ex.getMessage());
				}
			}
		}

		assertThat(checked).containsExactly("GET /v1/things ADMIN", "GET /v1/things PANEL");
		assertThat(failures).hasSize(2)
			.anyMatch((message) -> message.contains("PUT /v1/gone"))
			.anyMatch((message) -> message.contains("POST /v1/things has no access rule")
					&& message.contains("AccessConfiguration"));
	}

}
