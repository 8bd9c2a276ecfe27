package cymru.noddfa.matcher;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PlacementMatcherApplication {

	public static void main(String[] args) {
		SpringApplication.run(PlacementMatcherApplication.class, args);
	}

}
