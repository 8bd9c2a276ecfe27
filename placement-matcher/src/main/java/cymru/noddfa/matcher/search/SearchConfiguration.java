package cymru.noddfa.matcher.search;

import java.time.Clock;
import java.util.List;

import cymru.noddfa.matcher.availability.AvailableBeds;
import cymru.noddfa.matcher.availability.ProvisionIndex;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

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

	/** A search's query parameters, read without a data binder per parameter. */
	@Bean
	WebMvcConfigurer searchQueryParameters(
			@Qualifier("mvcConversionService") ObjectProvider<ConversionService> conversions) {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new SearchQueryParameters(conversions::getObject));
			}
		};
	}

	/** Named so that the readiness group can include it. */
	@Bean(name = "searchEngine")
	SearchEngineHealthIndicator searchEngineHealthIndicator(SearchEngine engine) {
		return new SearchEngineHealthIndicator(engine);
	}

}
