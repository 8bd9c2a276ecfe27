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

	/** Never more holds than beds, and the matcher's own count agrees. */
	public boolean invariantHolds() {
		return this.won <= this.beds && this.held == this.won;
	}

	/** Every bed taken, exactly once: DESIGN §7's race. */
	public boolean exact() {
		return invariantHolds() && this.won == Math.min(this.beds, this.concurrent);
	}

}
