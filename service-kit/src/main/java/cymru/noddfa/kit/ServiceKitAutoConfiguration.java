package cymru.noddfa.kit;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

@AutoConfiguration
public class ServiceKitAutoConfiguration {

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	static AlwaysFormattedMessages alwaysFormattedMessages() {
		return new AlwaysFormattedMessages();
	}

	/** Named {@code kafka} so that readiness groups can include it by that name. */
	@Bean(name = "kafka")
	@ConditionalOnMissingBean(name = "kafka")
	KafkaHealthIndicator kafka(KafkaProperties kafkaProperties) {
		return new KafkaHealthIndicator(kafkaProperties.buildAdminProperties(), Duration.ofSeconds(2));
	}

	/**
	 * The clock every service decides by; a test may put a clock of its own in its place.
	 */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
