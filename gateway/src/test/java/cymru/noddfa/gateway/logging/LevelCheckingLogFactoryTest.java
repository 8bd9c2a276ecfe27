package cymru.noddfa.gateway.logging;

import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class LevelCheckingLogFactoryTest {

	@Test
	void commons_logging_finds_the_factory_on_its_own() {
		assertThat(LogFactory.getFactory()).isInstanceOf(LevelCheckingLogFactory.class);
		assertThat(LogFactory.getLog(LevelCheckingLogFactoryTest.class)).isInstanceOf(LevelCheckingLog.class);
	}

	@Test
	void a_message_below_the_loggers_level_is_never_rendered_and_one_at_it_is() {
		String name = "cymru.noddfa.gateway.logging.level-check";
		((Logger) LoggerFactory.getLogger(name)).setLevel(Level.INFO);
		Log log = new LevelCheckingLogFactory().getInstance(name);
		AtomicInteger rendered = new AtomicInteger();
		Object message = new Object() {
			@Override
			public String toString() {
				rendered.incrementAndGet();
				return "rendered";
			}
		};

		log.trace(message);
		log.debug(message);
		log.debug(message, new IllegalStateException());
		assertThat(rendered).as("below INFO").hasValue(0);

		log.info(message);
		log.warn(message);
		assertThat(rendered).as("at INFO and above").hasValue(2);
	}

}
