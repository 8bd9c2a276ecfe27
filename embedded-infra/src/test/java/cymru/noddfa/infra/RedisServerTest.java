package cymru.noddfa.infra;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisServerTest {

	@Test
	void a_binary_held_open_by_another_process_is_told_apart_from_other_failures_to_start() {
		IOException busy = new IOException("Failed to start Redis service",
				new IOException(
						"Cannot run program \"/tmp/redis-1/redis-server\": Exec failed, error: 26 (Text file busy) ",
						new IOException("Exec failed, error: 26 (Text file busy) ")));
		IOException missing = new IOException("Failed to start Redis service", new IOException(
				"Cannot run program \"/tmp/redis-1/redis-server\": error=2, No such file or directory"));

		assertThat(RedisServer.isTextFileBusy(busy)).isTrue();
		assertThat(RedisServer.isTextFileBusy(missing)).isFalse();
		assertThat(RedisServer.isTextFileBusy(new IOException())).isFalse();
	}

}
