package cymru.noddfa.gateway.logging;

import org.apache.commons.logging.Log;

/**
 * Passes a message on only when its level is enabled, so a lazily built one is never
 * rendered for nothing ({@link LevelCheckingLogFactory}).
 */
final class LevelCheckingLog implements Log {

	private final Log log;

	LevelCheckingLog(Log log) {
		this.log = log;
	}

	@Override
	public void trace(Object message) {
		if (this.log.isTraceEnabled()) {
			this.log.trace(message);
		}
	}

	@Override
	public void trace(Object message, Throwable t) {
		if (this.log.isTraceEnabled()) {
			this.log.trace(message, t);
		}
	}

	@Override
	public void debug(Object message) {
		if (this.log.isDebugEnabled()) {
			this.log.debug(message);
		}
	}

	@Override
	public void debug(Object message, Throwable t) {
		if (this.log.isDebugEnabled()) {
			this.log.debug(message, t);
		}
	}

	@Override
	public void info(Object message) {
		if (this.log.isInfoEnabled()) {
			this.log.info(message);
		}
	}

	@Override
	public void info(Object message, Throwable t) {
		if (this.log.isInfoEnabled()) {
			this.log.info(message, t);
		}
	}

	@Override
	public void warn(Object message) {
		if (this.log.isWarnEnabled()) {
			this.log.warn(message);
		}
	}

	@Override
	public void warn(Object message, Throwable t) {
		if (this.log.isWarnEnabled()) {
			this.log.warn(message, t);
		}
	}

	@Override
	public void error(Object message) {
		if (this.log.isErrorEnabled()) {
			this.log.error(message);
		}
	}

	@Override
	public void error(Object message, Throwable t) {
		if (this.log.isErrorEnabled()) {
			this.log.error(message, t);
		}
	}

	@Override
	public void fatal(Object message) {
		if (this.log.isFatalEnabled()) {
			this.log.fatal(message);
		}
	}

	@Override
	public void fatal(Object message, Throwable t) {
		if (this.log.isFatalEnabled()) {
			this.log.fatal(message, t);
		}
	}

	@Override
	public boolean isTraceEnabled() {
		return this.log.isTraceEnabled();
	}

	@Override
	public boolean isDebugEnabled() {
		return this.log.isDebugEnabled();
	}

	@Override
	public boolean isInfoEnabled() {
		return this.log.isInfoEnabled();
	}

	@Override
	public boolean isWarnEnabled() {
		return this.log.isWarnEnabled();
	}

	@Override
	public boolean isErrorEnabled() {
		return this.log.isErrorEnabled();
	}

	@Override
	public boolean isFatalEnabled() {
		return this.log.isFatalEnabled();
	}

}
