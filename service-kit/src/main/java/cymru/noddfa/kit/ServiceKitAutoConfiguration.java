package cymru.noddfa.kit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.format.FormatterRegistry;

@AutoConfiguration
@EnableConfigurationProperties(ServiceProperties.class)
// every service on the kit runs timed work: its retention job at least, and its sweeps
@EnableScheduling
public class ServiceKitAutoConfiguration {

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<AdmissionControl> admissionControl(ServiceProperties properties, MessageSource messages) {
		FilterRegistrationBean<AdmissionControl> registration = new FilterRegistrationBean<>(
				new AdmissionControl(properties.maxRequestsInFlight(), new ProblemResponses(messages)));
		// after the request id, so a refusal carries one; before everything that costs
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> requestBodyLimitFilter(ServiceProperties properties) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				RequestBodyLimit.chunked(properties.maxRequestBody().toBytes()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	WebMvcConfigurer requestBodyLimitInterceptor(ServiceProperties properties) {
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(RequestBodyLimit.declaredLength(properties.maxRequestBody().toBytes()));
			}
		};
	}

	@Bean
	WebMvcConfigurer instantParameters() {
		return new WebMvcConfigurer() {
			@Override
			public void addFormatters(FormatterRegistry registry) {
				// registered after Spring's own, so it is the one asked first
				registry.addFormatterForFieldType(Instant.class, new InstantParameterFormatter());
			}
		};
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
