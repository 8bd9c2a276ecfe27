package cymru.noddfa.matcher.search;

import java.time.Clock;

import cymru.noddfa.matcher.availability.AvailabilityStore;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

	@Bean
	Searching searching(AvailabilityStore store, SearchProperties properties, Clock clock) {
		return new Searching(store, properties, clock);
	}

}
