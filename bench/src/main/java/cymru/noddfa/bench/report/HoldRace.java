package cymru.noddfa.bench.report;

/**
 * One last-bed race.
 *
 * @param concurrent holds asked for at once
 * @param beds beds free before the race
 * @param won holds granted
 * @param refused holds refused as no bed free
 * @param failed other answers
 * @param held what the matcher's availability says is held afterwards (-1 unknown)
 */
public record HoldRace(int concurrent, int beds, long won, long refused, long failed, int held, Latencies latencies) {

	/** Exactly as many holds as beds, never more, and the matcher agrees. */
	public boolean invariantHolds() {
		return this.won == Math.min(this.beds, this.concurrent) && this.held == this.won;
	}

}
