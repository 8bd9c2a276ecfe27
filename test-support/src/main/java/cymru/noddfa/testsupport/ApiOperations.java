package cymru.noddfa.testsupport;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The operations an OpenAPI description declares, so an authorisation matrix can be
 * generated from what a service really serves: an endpoint added without a rule, or a
 * rule left for an endpoint that is gone, fails the build.
 */
public final class ApiOperations {

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

	private static final ObjectMapper json = new ObjectMapper();

	private ApiOperations() {
	}

	/** One operation, e.g. {@code PUT /v1/provisions/{id}}. */
	public record Operation(String method, String path) {

		/** The key an authorisation table uses: {@code "PUT /v1/provisions/{id}"}. */
		public String key() {
			return this.method + " " + this.path;
		}

		/** The path with each {@code {name}} replaced by the value given for it. */
		public String pathWith(Map<String, String> values) {
			String filled = this.path;
			for (Map.Entry<String, String> value : values.entrySet()) {
				filled = filled.replace("{" + value.getKey() + "}", value.getValue());
			}
			if (filled.contains("{")) {
				throw new IllegalArgumentException(
						"No value for a variable of " + this.path + " in " + values.keySet());
			}
			return filled;
		}

		@Override
		public String toString() {
			return key();
		}

	}

	/** Every operation of the description's {@code paths}, in document order. */
	public static List<Operation> of(String openApiJson) {
		JsonNode paths;
		try {
			paths = json.readTree(openApiJson).path("paths");
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Not an OpenAPI description", ex);
		}
		List<Operation> operations = new ArrayList<>();
		Iterator<Map.Entry<String, JsonNode>> entries = paths.fields();
		while (entries.hasNext()) {
			Map.Entry<String, JsonNode> entry = entries.next();
			Iterator<String> methods = entry.getValue().fieldNames();
			while (methods.hasNext()) {
				String method = methods.next();
				if (METHODS.contains(method)) {
					operations.add(new Operation(method.toUpperCase(Locale.ROOT), entry.getKey()));
				}
			}
		}
		if (operations.isEmpty()) {
			throw new IllegalArgumentException("The OpenAPI description declares no operations");
		}
		return operations;
	}

}
