package cymru.noddfa.matcher;

import cymru.noddfa.testsupport.WithInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The one Spring context the component tests share (so it is built once per test JVM):
 * the whole matcher against the real Kafka, PostgreSQL and Redis of the test JVM. Tests
 * keep apart by their own provision ids and by placing their provisions where no other
 * test does.
 */
@WithInfrastructure(database = "matcher")
@SpringBootTest(properties = { "noddfa.matcher.holds.expiry-check-interval=200ms",
		"noddfa.matcher.read-model.check-interval=200ms", "noddfa.matcher.holds.team-cap=3",
		"noddfa.matcher.holds.overrun-check-interval=200ms" })
@AutoConfigureMockMvc
public abstract class MatcherComponentTest {

	@Autowired
	protected MockMvc mvc;

}
