package cymru.noddfa.registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BedRegistryApplication {

	public static void main(String[] args) {
		SpringApplication.run(BedRegistryApplication.class, args);
	}

}
