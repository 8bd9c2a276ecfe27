package cymru.noddfa.panels;

import cymru.noddfa.outbox.OutboxConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import(OutboxConfiguration.class)
public class PanelsApplication {

	public static void main(String[] args) {
		SpringApplication.run(PanelsApplication.class, args);
	}

}
