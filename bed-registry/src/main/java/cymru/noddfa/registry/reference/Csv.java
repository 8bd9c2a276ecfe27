package cymru.noddfa.registry.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the project's reference and demo CSV files (RFC 4180: a header row, commas,
 * double quotes around fields that hold commas or quotes). Each row becomes a map from
 * header to value.
 */
public final class Csv {

	private Csv() {
	}

	public static List<Map<String, String>> read(Reader source) {
		try (BufferedReader reader = new BufferedReader(source)) {
			List<List<String>> lines = new ArrayList<>();
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank()) {
					lines.add(fields(line));
				}
			}
			if (lines.isEmpty()) {
				return List.of();
			}
			List<String> header = lines.get(0);
			List<Map<String, String>> rows = new ArrayList<>();
			for (List<String> values : lines.subList(1, lines.size())) {
				if (values.size() != header.size()) {
					throw new IllegalArgumentException("CSV row " + (rows.size() + 2) + " has " + values.size()
							+ " fields, the header has " + header.size());
				}
				Map<String, String> row = new LinkedHashMap<>();
				for (int i = 0; i < header.size(); i++) {
					row.put(header.get(i).strip(), values.get(i).strip());
				}
				rows.add(row);
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> fields(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}

}
