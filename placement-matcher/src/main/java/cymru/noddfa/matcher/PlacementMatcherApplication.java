package cymru.noddfa.matcher;

import java.time.Clock;

import cymru.noddfa.outbox.OutboxConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@Import(OutboxConfiguration.class)
public class PlacementMatcherApplication {

	public static void main(String[] args) {
		SpringApplication.run(PlacementMatcherApplication.class, args);
	}

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
