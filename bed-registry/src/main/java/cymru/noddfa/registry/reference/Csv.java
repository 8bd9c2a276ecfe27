package cymru.noddfa.registry.reference;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the project's reference and demo CSV files (RFC 4180: a header row, commas,
 * double quotes around fields that hold commas or quotes) with Apache Commons CSV. Each
 * row becomes a map from header to value; blank lines are skipped and values trimmed.
 */
public final class Csv {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true)
		.setTrim(true)
		.get();

	private Csv() {
	}

	public static List<Map<String, String>> read(Reader source) {
		try (CSVParser parser = CSVParser.parse(source, FORMAT)) {
			List<String> header = parser.getHeaderNames();
			List<Map<String, String>> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				if (record.size() != header.size()) {
					throw new IllegalArgumentException("CSV row " + (rows.size() + 2) + " has " + record.size()
							+ " fields, the header has " + header.size());
				}
				Map<String, String> row = new LinkedHashMap<>();
				for (int i = 0; i < header.size(); i++) {
					row.put(header.get(i), record.get(i));
				}
				rows.add(row);
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
