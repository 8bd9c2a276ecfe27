package cymru.noddfa.notifications.delivery;

import java.time.Instant;

record AttemptView(int number, Instant startedAt, int durationMs, String outcome, Integer httpStatus, String error) {

	AttemptView withoutError() {
		return new AttemptView(this.number, this.startedAt, this.durationMs, this.outcome, this.httpStatus, null);
	}

}
