package cymru.noddfa.matcher.search;

import java.time.Clock;

import cymru.noddfa.matcher.availability.AvailableBeds;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

	@Bean
	Searching searching(AvailableBeds beds, SearchEngine engine, SearchProperties properties, Clock clock) {
		return new Searching(beds, engine, properties, clock);
	}

	@Bean
	@ConditionalOnProperty(name = "noddfa.matcher.search.engine", havingValue = GeoSearchEngine.NAME,
			matchIfMissing = true)
	SearchEngine geoSearchEngine(AvailableBeds beds, SearchProperties properties) {
		return new GeoSearchEngine(beds, properties);
	}

}
