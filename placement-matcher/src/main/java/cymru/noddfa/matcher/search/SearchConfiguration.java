package cymru.noddfa.matcher.search;

import java.time.Clock;

import cymru.noddfa.matcher.availability.AvailableBeds;
import cymru.noddfa.matcher.availability.ProvisionIndex;

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
	@ConditionalOnProperty(name = "noddfa.matcher.search.engine", havingValue = IndexSearchEngine.NAME,
			matchIfMissing = true)
	SearchEngine indexSearchEngine(ProvisionIndex index, AvailableBeds beds) {
		return new IndexSearchEngine(index, beds);
	}

	@Bean
	@ConditionalOnProperty(name = "noddfa.matcher.search.engine", havingValue = GeoSearchEngine.NAME)
	SearchEngine geoSearchEngine(AvailableBeds beds, SearchProperties properties) {
		return new GeoSearchEngine(beds, properties);
	}

	/** Named so that the readiness group can include it. */
	@Bean(name = "searchEngine")
	SearchEngineHealthIndicator searchEngineHealthIndicator(SearchEngine engine) {
		return new SearchEngineHealthIndicator(engine);
	}

}
