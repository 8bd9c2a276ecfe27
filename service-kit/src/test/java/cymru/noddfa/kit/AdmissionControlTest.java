package cymru.noddfa.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Requests on real threads through the filter; the chain stands for the controller. */
class AdmissionControlTest {

	private final AdmissionControl admission = new AdmissionControl(2, new ProblemResponses(kitMessages()));

	private final CountDownLatch finish = new CountDownLatch(1);

	private final List<Thread> working = new ArrayList<>();

	@AfterEach
	void finishWork() throws InterruptedException {
		this.finish.countDown();
		for (Thread thread : this.working) {
			thread.join(5_000);
		}
	}

	@Test
	void a_request_past_the_places_is_turned_away_at_once_with_a_503_problem_and_retry_after() throws Exception {
		occupy(2);

		MockHttpServletResponse turnedAway = call("/v1/searches", (request, response) -> {
			throw new AssertionError("a request with no place must not reach the service");
		});

		assertThat(turnedAway.getStatus()).isEqualTo(503);
		assertThat(turnedAway.getHeader("Retry-After")).isEqualTo("1");
		assertThat(turnedAway.getContentType()).startsWith("application/problem+json");
		assertThat(turnedAway.getContentAsString()).contains("overloaded", "Busy, try again");
	}

	@Test
	void a_place_comes_back_when_its_request_ends() throws Exception {
		occupy(2);
		assertThat(call("/v1/searches", answering(200)).getStatus()).isEqualTo(503);

		this.finish.countDown();
		for (Thread thread : this.working) {
			thread.join(5_000);
		}

		assertThat(this.admission.free()).isEqualTo(2);
		assertThat(call("/v1/searches", answering(200)).getStatus()).isEqualTo(200);
	}

	@Test
	void a_request_that_fails_gives_its_place_back() throws Exception {
		assertThatIllegalStateException().isThrownBy(() -> call("/v1/searches", (request, response) -> {
			throw new IllegalStateException("the service failed");
		}));

		assertThat(this.admission.free()).isEqualTo(2);
	}

	@Test
	void probes_are_answered_however_busy_the_service_is() throws Exception {
		occupy(2);

		MockHttpServletResponse probe = call("/actuator/health/liveness", answering(200));

		assertThat(probe.getStatus()).isEqualTo(200);
	}

	/** Starts requests that hold their place until the test lets them finish. */
	private void occupy(int requests) throws InterruptedException {
		CountDownLatch started = new CountDownLatch(requests);
		for (int i = 0; i < requests; i++) {
			Thread thread = Thread.ofPlatform().start(() -> {
				try {
					call("/v1/referrals", (request, response) -> {
						started.countDown();
						try {
							this.finish.await();
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
					});
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			this.working.add(thread);
		}
		assertThat(started.await(5, TimeUnit.SECONDS)).as("the occupying requests started").isTrue();
	}

	private static FilterChain answering(int status) {
		return (request, response) -> ((HttpServletResponse) response).setStatus(status);
	}

	private MockHttpServletResponse call(String path, FilterChain service) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.admission.doFilter(request, response, service);
		return response;
	}

	private static ResourceBundleMessageSource kitMessages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("kit-messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
