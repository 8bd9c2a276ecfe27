package cymru.noddfa.registry;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a request body larger than {@code noddfa.registry.max-request-body} before
 * anything reads it: no provision needs more, and parsing megabytes is a cheap way to tie
 * up a service.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyLimitConfiguration implements WebMvcConfigurer {

	private final RegistryProperties properties;

	RequestBodyLimitConfiguration(RegistryProperties properties) {
		this.properties = properties;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		long limit = this.properties.maxRequestBody().toBytes();
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				if (request.getContentLengthLong() > limit) {
					throw new TooLarge(limit);
				}
				return true;
			}
		});
	}

	static class TooLarge extends RuntimeException {

		private final long limit;

		TooLarge(long limit) {
			super("request body over " + limit + " bytes");
			this.limit = limit;
		}

		long limit() {
			return this.limit;
		}

	}

}
