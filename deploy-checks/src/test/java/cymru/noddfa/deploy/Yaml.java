package cymru.noddfa.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;

/** Reading YAML documents as plain maps and lists, and walking them by key. */
final class Yaml {

	private Yaml() {
	}

	static Map<String, Object> file(Path file) {
		try {
			return document(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> document(String yaml) {
		return (Map<String, Object>) yaml().load(yaml);
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> documents(String yaml) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : yaml().loadAll(yaml)) {
			if (document instanceof Map<?, ?> map) {
				documents.add((Map<String, Object>) map);
			}
		}
		return documents;
	}

	/** The node at a path of map keys, or null where the path ends early. */
	static Object at(Object node, String... path) {
		Object current = node;
		for (String key : path) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object node, String... path) {
		Object found = at(node, path);
		return (found instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object node, String... path) {
		Object found = at(node, path);
		return (found instanceof List<?> list) ? (List<Object>) list : List.of();
	}

	static String string(Object node, String... path) {
		Object found = at(node, path);
		return (found != null) ? String.valueOf(found) : null;
	}

	private static org.yaml.snakeyaml.Yaml yaml() {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		return new org.yaml.snakeyaml.Yaml(options);
	}

}
