package cymru.noddfa.gateway;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import cymru.noddfa.gateway.requestid.RequestIdFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.slf4j.LoggerFactory.getLogger;

@ExtendWith(OutputCaptureExtension.class)
class RequestIdLogTests extends GatewayTest {

	@Test
	void the_log_lines_about_a_failed_request_carry_its_request_id(CapturedOutput output) {
		panels.stop();
		try {
			HttpResponse<String> response = client().get("/api/panels/v1/panels/log-check", "X-Request-Id",
					"log-check-1");

			assertThat(response.statusCode()).isEqualTo(503);
		}
		finally {
			panels.restart();
		}
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output.getOut().lines().filter((line) -> line.contains("log-check-1")))
				.anySatisfy(
						(line) -> assertThat(line).contains("could not complete GET /api/panels/v1/panels/log-check")
							.contains("\"requestId\":\"log-check-1\""))
				.anySatisfy((line) -> assertThat(line).contains("GET /api/panels/v1/panels/log-check answered 503")
					.contains("\"requestId\":\"log-check-1\"")));
	}

	@Test
	void a_quick_answered_request_has_no_access_log_line_at_info_and_a_failed_one_has(CapturedOutput output) {
		HttpResponse<String> quick = client().get("/api/registry/v1/provisions/quiet-check", "X-Request-Id",
				"quiet-check-1");
		assertThat(quick.statusCode()).isEqualTo(200);
		HttpResponse<String> lost = client().get("/api/nowhere/v1/quiet-check", "X-Request-Id", "quiet-check-2");
		assertThat(lost.statusCode()).isEqualTo(404);

		// one background thread writes the lines in order: once the second is out, the
		// first would have been
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output.getOut()).contains("GET /api/nowhere/v1/quiet-check answered 404"));
		assertThat(output.getOut()).doesNotContain("quiet-check-1");
	}

	@Test
	void the_access_log_is_written_by_a_background_thread_that_never_holds_a_request_up() {
		List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
		((Logger) getLogger(RequestIdFilter.ACCESS_LOG)).iteratorForAppenders().forEachRemaining(appenders::add);

		assertThat(appenders).singleElement()
			.isInstanceOfSatisfying(AsyncAppender.class,
					(async) -> assertThat(async.isNeverBlock()).as("drops lines rather than wait").isTrue());
		assertThat(((Logger) getLogger(RequestIdFilter.ACCESS_LOG)).isAdditive())
			.as("not written a second time, in line, by the root's console appender")
			.isFalse();
	}

}
