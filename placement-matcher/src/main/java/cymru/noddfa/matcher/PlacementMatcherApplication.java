package cymru.noddfa.matcher;

import cymru.noddfa.outbox.OutboxConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@Import(OutboxConfiguration.class)
public class PlacementMatcherApplication {

	public static void main(String[] args) {
		SpringApplication.run(PlacementMatcherApplication.class, args);
	}

}
