package cymru.noddfa.bench.workload;

import java.time.Duration;

/**
 * Before each workload, waits until the gateway answers a search again: an overload in
 * the workload before can leave a circuit breaker open for a while, and that belongs to
 * the workload that caused it.
 */
public final class Settle {

	private Settle() {
	}

	public static Duration untilSearchesAnswer(Http http, Tokens tokens, String gateway) {
		long start = System.nanoTime();
		long deadline = start + 60_000_000_000L;
		String url = gateway + "/api/matching/v1/searches?regionCode=CTM&lat=51.5&lon=-3.58&age=14&bedType=CRISIS";
		int inRow = 0;
		while (System.nanoTime() < deadline && inRow < 3) {
			inRow = http.get(url, tokens.crisisTeam("CTM")).ok() ? inRow + 1 : 0;
			Loading.pause(200);
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/**
	 * Repeats a set-up call (not a measured one) while the stack answers 503 or not at
	 * all.
	 */
	static Http.Answer retrying(java.util.function.Supplier<Http.Answer> call) {
		Http.Answer answer = call.get();
		for (int attempt = 0; attempt < 20 && (answer.status() == 503 || answer.status() < 0); attempt++) {
			Loading.pause(500);
			answer = call.get();
		}
		return answer;
	}

}
