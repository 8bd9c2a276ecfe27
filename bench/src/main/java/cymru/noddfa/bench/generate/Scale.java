package cymru.noddfa.bench.generate;

import java.util.Locale;

/** How many provisions a benchmark run loads, and over which geography. */
public enum Scale {

	/** About what Wales has: the seven regions, their towns. */
	WALES("w", 100),

	/** An England-sized country, spread over Great Britain's cities and towns. */
	ENGLAND("e", 5_000),

	/** A national-US-sized count, over the same geography, ten times denser. */
	NATIONAL("n", 50_000);

	private final String prefix;

	private final int provisions;

	Scale(String prefix, int provisions) {
		this.prefix = prefix;
		this.provisions = provisions;
	}

	public int provisions() {
		return this.provisions;
	}

	String idPrefix() {
		return "bench-" + this.prefix;
	}

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Scale of(String label) {
		return valueOf(label.trim().toUpperCase(Locale.ROOT));
	}

}
