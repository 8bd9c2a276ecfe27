package cymru.noddfa.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

	static {
		// Reactor Netty 1.3.7 (Spring Boot 4.0.8) can stop reading a keep-alive
		// connection
		// when the next request arrives before the previous response's operations have
		// terminated, as happens whenever a response completes off the event loop (health
		// checks, proxied calls): the client then waits forever
		// (reactor/reactor-netty#4361).
		// Flushing the last response packet at once closes that route. Remove once a
		// fixed
		// Reactor Netty (with its matching Netty) is in the Spring Boot line we use.
		if (System.getProperty("reactor.netty.http.server.lastFlushWhenNoRead") == null) {
			System.setProperty("reactor.netty.http.server.lastFlushWhenNoRead", "true");
		}
	}

	public static void main(String[] args) {
		SpringApplication.run(GatewayApplication.class, args);
	}

}
