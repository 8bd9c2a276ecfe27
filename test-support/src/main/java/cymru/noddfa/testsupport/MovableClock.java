package cymru.noddfa.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock, moved by an offset a test sets: time a test needs not wait out. */
public final class MovableClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	/** Moves the clock by this much more. */
	public void move(Duration by) {
		this.offset = this.offset.plus(by);
	}

	/** Back to the system's time. */
	public void reset() {
		this.offset = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
