package cymru.noddfa.matcher.search;

/**
 * The GEO queries of one scan, nearest first: a small radius and a few members, the count
 * widened while a full answer may hide more members inside the radius, then the radius,
 * never past the search radius and never more than a fixed number of queries, whatever
 * the search asks and however the settings are tuned. Each query keeps Redis busy for
 * everyone, so one search may cost only so many.
 */
final class Widening {

	private final int maxCount;

	private final double radius;

	private final int maxRounds;

	private int count;

	private double reach;

	private int rounds = 1;

	/**
	 * @param radius how far this search may reach: the team's maximum distance, never
	 * more than the configured search radius
	 */
	Widening(SearchProperties properties, double radius) {
		this.maxCount = Math.max(1, properties.maxCount());
		this.radius = radius;
		this.maxRounds = Math.max(1, properties.maxRounds());
		this.count = Math.clamp(properties.initialCount(), 1, this.maxCount);
		this.reach = Math.min(properties.initialRadiusKm(), radius);
	}

	/** Members asked of the next query. */
	int count() {
		return this.count;
	}

	/** Radius of the next query, in km. */
	double reach() {
		return this.reach;
	}

	/** Queries asked so far, this one included. */
	int rounds() {
		return this.rounds;
	}

	/**
	 * Widens for the next query after one that left too few candidates; false when the
	 * scan is done: the radius is covered or the queries are spent.
	 * @param full whether the last query answered as many members as it asked for
	 */
	boolean widen(boolean full) {
		if (this.rounds >= this.maxRounds) {
			return false;
		}
		if (full && this.count < this.maxCount) {
			this.count = (int) Math.min(this.count * 4L, this.maxCount);
		}
		else if (this.reach < this.radius) {
			this.reach = Math.min(this.reach * 3, this.radius);
		}
		else {
			return false;
		}
		this.rounds++;
		return true;
	}

}
