package cymru.noddfa.registry.provision;

/** Ages in whole years, both ends included. */
public record AgeRange(int min, int max) {

	static final int YOUNGEST = 0;

	static final int OLDEST = 25;

	public AgeRange {
		if (min < YOUNGEST || min > OLDEST) {
			throw new InvalidValue("ageRange.min", "out-of-range", min, YOUNGEST, OLDEST);
		}
		if (max < YOUNGEST || max > OLDEST) {
			throw new InvalidValue("ageRange.max", "out-of-range", max, YOUNGEST, OLDEST);
		}
		if (min > max) {
			throw new InvalidValue("ageRange.min", "age-range-reversed", min, max);
		}
	}

}
