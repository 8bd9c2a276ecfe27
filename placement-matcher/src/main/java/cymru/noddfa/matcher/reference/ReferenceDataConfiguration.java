package cymru.noddfa.matcher.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * Regions, places and needs are data, not code: another country ships its own CSV files
 * under {@code reference/}.
 */
@Configuration(proxyBeanMethods = false)
class ReferenceDataConfiguration {

	@Bean
	Gazetteer gazetteer() {
		return new Gazetteer(read("reference/wales-places.csv", (f) -> new Gazetteer.Place(f.get(0), f.get(2),
				Double.parseDouble(f.get(3)), Double.parseDouble(f.get(4)))));
	}

	@Bean
	Needs needs() {
		return new Needs(read("reference/needs.csv", (f) -> new Needs.Need(f.get(0), f.get(1), f.get(2))));
	}

	@Bean
	Regions regions() {
		Set<String> codes = read("reference/wales-regions.csv", (f) -> f.get(0)).stream().collect(Collectors.toSet());
		return new Regions(Set.copyOf(codes));
	}

	static <T> List<T> read(String resource, Function<List<String>, T> row) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			List<T> rows = new ArrayList<>();
			reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					rows.add(row.apply(fields(line)));
				}
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read reference data " + resource, ex);
		}
	}

	/** CSV fields, honouring double quotes around fields that contain commas. */
	static List<String> fields(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ',' && !quoted) {
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
