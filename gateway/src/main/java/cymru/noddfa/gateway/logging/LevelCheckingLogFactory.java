package cymru.noddfa.gateway.logging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogConfigurationException;
import org.apache.commons.logging.LogFactory;
import org.apache.commons.logging.impl.Slf4jLogFactory;

/**
 * Commons Logging as it comes (SLF4J underneath), except that a message is turned into
 * text only when its level is enabled.
 * <p>
 * Spring's own code logs lazily built messages ({@code LogMessage.format(...)}) without
 * asking for the level first, relying on the logger to look before rendering. Since
 * Spring Framework 7 that logger is Apache Commons Logging's, whose SLF4J adapter renders
 * every message before SLF4J drops it (spring-framework issue 37266). In the gateway
 * Spring Security's request matchers do so several times a request: two in a hundred of
 * its CPU samples went into formatting debug lines nobody reads.
 * <p>
 * Commons Logging finds this factory through {@code META-INF/services} before it looks
 * for SLF4J itself.
 */
public final class LevelCheckingLogFactory extends LogFactory {

	private final LogFactory slf4j = new Slf4jLogFactory();

	private final Map<String, Log> logs = new ConcurrentHashMap<>();

	@Override
	public Log getInstance(Class<?> clazz) throws LogConfigurationException {
		return getInstance(clazz.getName());
	}

	@Override
	public Log getInstance(String name) throws LogConfigurationException {
		return this.logs.computeIfAbsent(name, (key) -> new LevelCheckingLog(this.slf4j.getInstance(key)));
	}

	@Override
	public Object getAttribute(String name) {
		return this.slf4j.getAttribute(name);
	}

	@Override
	public String[] getAttributeNames() {
		return this.slf4j.getAttributeNames();
	}

	@Override
	public void release() {
		this.logs.clear();
		this.slf4j.release();
	}

	@Override
	public void removeAttribute(String name) {
		this.slf4j.removeAttribute(name);
	}

	@Override
	public void setAttribute(String name, Object value) {
		this.slf4j.setAttribute(name, value);
	}

}
