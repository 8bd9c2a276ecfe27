package cymru.noddfa.matcher.availability;

/**
 * One provision and bed type as the matcher's database records it: what the provider says
 * is available, and how many of those are held or placed since.
 */
public record LedgerRow(String provisionId, BedType bedType, int available, int held, int placed, long provisionVersion,
		long revision) {

	public int free() {
		return Math.max(0, this.available - this.held - this.placed);
	}

}
