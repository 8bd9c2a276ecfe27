package cymru.noddfa.gateway;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

}
