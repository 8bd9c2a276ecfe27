package cymru.noddfa.matcher.reference;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * Regions, places and needs are data, not code: another country ships its own CSV files
 * under {@code reference/}, read by their header names with Apache Commons CSV.
 */
@Configuration(proxyBeanMethods = false)
class ReferenceDataConfiguration {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true)
		.get();

	@Bean
	Gazetteer gazetteer() {
		return new Gazetteer(
				read("reference/wales-places.csv",
						(row) -> new Gazetteer.Place(row.get("place"), row.get("region_code"),
								Double.parseDouble(row.get("lat")), Double.parseDouble(row.get("lon")))),
				read("reference/wales-postcode-districts.csv",
						(row) -> new Gazetteer.District(row.get("district"), row.get("place"))));
	}

	@Bean
	Needs needs() {
		return new Needs(read("reference/needs.csv",
				(row) -> new Needs.Need(row.get("code"), row.get("label"), row.get("label_cy"))));
	}

	@Bean
	Regions regions() {
		Set<String> codes = read("reference/wales-regions.csv", (row) -> row.get("region_code")).stream()
			.collect(Collectors.toSet());
		return new Regions(Set.copyOf(codes));
	}

	static <T> List<T> read(String resource, Function<CSVRecord, T> row) {
		try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(),
				StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(reader, FORMAT)) {
			List<T> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				rows.add(row.apply(record));
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read reference data " + resource, ex);
		}
	}

}
