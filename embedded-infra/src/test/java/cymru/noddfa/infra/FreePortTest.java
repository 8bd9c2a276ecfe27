package cymru.noddfa.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class FreePortTest {

	@Test
	void ports_are_picked_below_the_range_outgoing_connections_take_theirs_from_and_never_twice() throws IOException {
		// where the range starts lower there is no room below it, and the kernel chooses
		assumeThat(FreePort.ephemeralStart()).isGreaterThan(10_000);
		Set<Integer> picked = new HashSet<>();
		for (int i = 0; i < 50; i++) {
			int port = FreePort.pick();

			assertThat(port).isLessThan(FreePort.ephemeralStart()).isGreaterThanOrEqualTo(10_000);
			assertThat(picked.add(port)).isTrue();
			try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
				assertThat(server.getLocalPort()).isEqualTo(port);
			}
		}
	}

}
