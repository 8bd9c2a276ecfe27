package cymru.noddfa.notifications.contact;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives the local stack someone to tell in every region: {@code demo/contacts.csv},
 * loaded once, when there are no contacts yet.
 */
@Component
@ConditionalOnBooleanProperty("noddfa.notifications.demo-contacts")
record DemoContactsLoader(ContactRepository contacts, JdbcClient jdbc, Clock clock) implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoContactsLoader.class);

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true)
		.get();

	@Override
	public void run(ApplicationArguments args) {
		if (this.jdbc.sql("select count(*) from contacts").query(Long.class).single() > 0) {
			return;
		}
		List<Contact> demo = read();
		demo.forEach(this.contacts::add);
		log.info("Loaded {} demo contacts", demo.size());
	}

	List<Contact> read() {
		try (Reader reader = new InputStreamReader(new ClassPathResource("demo/contacts.csv").getInputStream(),
				StandardCharsets.UTF_8); CSVParser rows = CSVParser.parse(reader, FORMAT)) {
			return rows.stream().map((row) -> {
				List<Contact.Reach> channels = Arrays.stream(row.get("channels").split(";")).map((reach) -> {
					String[] parts = reach.split(":", 2);
					return new Contact.Reach(ContactChannel.valueOf(parts[0]), parts[1]);
				}).toList();
				String provision = row.get("provision_id");
				return new Contact(UUID.randomUUID(), row.get("name"), Role.valueOf(row.get("role")),
						row.get("region_code"), provision.isEmpty() ? null : provision,
						Integer.parseInt(row.get("rota_position")), channels, null, this.clock.instant());
			}).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
