package cymru.noddfa.deploy;

import java.util.List;
import java.util.Map;

/** The Kubernetes objects an overlay renders to, and questions about them. */
final class Manifests {

	private final List<Map<String, Object>> objects;

	Manifests(List<Map<String, Object>> objects) {
		this.objects = objects;
	}

	List<Map<String, Object>> ofKind(String kind) {
		return this.objects.stream().filter((object) -> kind.equals(object.get("kind"))).toList();
	}

	/**
	 * The object of that kind and name; a generated ConfigMap is found by its name before
	 * the hash.
	 */
	Map<String, Object> named(String kind, String name) {
		return ofKind(kind).stream()
			.filter((object) -> name.equals(name(object)) || name(object).startsWith(name + "-")
					&& name(object).substring(name.length() + 1).matches("[a-z0-9]{10}"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + " called " + name));
	}

	/**
	 * The NetworkPolicies that select a deployment's pods by name, not the catch-all
	 * ones.
	 */
	List<Map<String, Object>> policiesFor(Map<String, Object> deployment) {
		Map<String, Object> labels = Yaml.map(deployment, "spec", "template", "metadata", "labels");
		return ofKind("NetworkPolicy").stream()
			.filter((policy) -> !Yaml.map(policy, "spec", "podSelector").isEmpty())
			.filter((policy) -> selects(Yaml.map(policy, "spec", "podSelector"), labels))
			.toList();
	}

	static String name(Map<String, Object> object) {
		return Yaml.string(object, "metadata", "name");
	}

	static Map<String, Object> container(Map<String, Object> deployment) {
		List<Object> containers = Yaml.list(deployment, "spec", "template", "spec", "containers");
		if (containers.size() != 1) {
			throw new AssertionError(name(deployment) + " should run exactly one container, not " + containers.size());
		}
		return Yaml.map(containers.getFirst());
	}

	/**
	 * Whether a label selector (matchLabels and matchExpressions with In) matches labels.
	 */
	static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
		boolean matches = Yaml.map(selector, "matchLabels")
			.entrySet()
			.stream()
			.allMatch((label) -> String.valueOf(label.getValue()).equals(String.valueOf(labels.get(label.getKey()))));
		for (Object expression : Yaml.list(selector, "matchExpressions")) {
			String key = Yaml.string(expression, "key");
			String operator = Yaml.string(expression, "operator");
			List<Object> values = Yaml.list(expression, "values");
			boolean in = labels.containsKey(key) && values.contains(labels.get(key));
			matches &= switch (operator) {
				case "In" -> in;
				case "NotIn" -> !in;
				case "Exists" -> labels.containsKey(key);
				case "DoesNotExist" -> !labels.containsKey(key);
				default -> throw new AssertionError("unknown selector operator " + operator);
			};
		}
		return matches;
	}

	/**
	 * A network policy peer in words: {@code pods gateway} (this namespace, by name),
	 * {@code namespace kafka}, or {@code addresses 0.0.0.0/0}.
	 */
	static String describe(Object peer) {
		String namespace = Yaml.string(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name");
		if (namespace != null) {
			return "namespace " + namespace;
		}
		String pods = Yaml.string(peer, "podSelector", "matchLabels", "app.kubernetes.io/name");
		if (pods != null) {
			return "pods " + pods;
		}
		if (!Yaml.list(peer, "podSelector", "matchExpressions").isEmpty()) {
			return "pods " + Yaml.list(Yaml.list(peer, "podSelector", "matchExpressions").getFirst(), "values");
		}
		String cidr = Yaml.string(peer, "ipBlock", "cidr");
		if (cidr != null) {
			return "addresses " + cidr;
		}
		return "anything " + peer;
	}

}
