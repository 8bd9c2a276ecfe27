package cymru.noddfa.panels;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PanelsApplication {

	public static void main(String[] args) {
		SpringApplication.run(PanelsApplication.class, args);
	}

}
