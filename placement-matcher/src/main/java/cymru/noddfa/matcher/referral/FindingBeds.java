package cymru.noddfa.matcher.referral;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import cymru.noddfa.matcher.availability.BedLedgerRepository;
import cymru.noddfa.matcher.availability.LedgerRow;
import cymru.noddfa.matcher.availability.ReadModelUnavailable;
import cymru.noddfa.matcher.search.Candidate;
import cymru.noddfa.matcher.search.ExclusionReason;
import cymru.noddfa.matcher.search.Matching;
import cymru.noddfa.matcher.search.SearchResult;
import cymru.noddfa.matcher.search.Searching;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What fits a referral now, from the search's read model, leaving out every provision
 * that already declined it.
 */
record FindingBeds(Searching searching, HoldRepository holds, BedLedgerRepository ledger, Clock clock) {

	private static final Logger log = LoggerFactory.getLogger(FindingBeds.class);

	/**
	 * The provision the team picked if it fits, else the best candidate an automatic hold
	 * may take without asking anyone ({@code pickableUnasked}). A bed the ledger has
	 * already committed as full fails fast here, without queueing for the row's lock; the
	 * guarded update still decides every race.
	 */
	Candidate choose(Referral referral, String pickedProvisionId, Predicate<Candidate> pickableUnasked) {
		Candidate candidate = (pickedProvisionId != null) ? picked(referral, pickedProvisionId)
				: best(referral, pickableUnasked);
		if (this.ledger.find(candidate.provisionId(), referral.bedType()).map(LedgerRow::free).orElse(0) == 0) {
			throw new ReferralConflict("no-bed-free",
					"No " + referral.bedType() + " bed free at " + candidate.provisionId());
		}
		return candidate;
	}

	/**
	 * The search for the referral, or empty while the read model is being rebuilt: the
	 * referral then waits for the next change of a provision.
	 */
	Optional<SearchResult> search(Referral referral) {
		try {
			return Optional.of(this.searching.search(referral.criteria(this.clock.instant())));
		}
		catch (ReadModelUnavailable ex) {
			log.warn("Referral {} could not be matched now (read model unavailable); it waits for the next change",
					referral.id());
			return Optional.empty();
		}
	}

	List<Candidate> notDeclined(Referral referral, List<Candidate> candidates) {
		List<String> declined = this.holds.declinedProvisions(referral.id());
		return candidates.stream().filter((c) -> !declined.contains(c.provisionId())).toList();
	}

	private Candidate picked(Referral referral, String provisionId) {
		Matching.Verdict verdict = this.searching.judge(referral.criteria(this.clock.instant()), provisionId)
			.orElseThrow(() -> new ReferralNotFound("provisionId", provisionId));
		return switch (verdict) {
			case Matching.Fit fit -> fit.candidate();
			case Matching.Excluded excluded -> throw new ReferralConflict(
					(excluded.reason() == ExclusionReason.NO_BED_FREE) ? "no-bed-free" : "provision-unsuitable",
					"Provision " + provisionId + " does not fit: " + excluded.reason());
		};
	}

	private Candidate best(Referral referral, Predicate<Candidate> pickableUnasked) {
		List<Candidate> candidates = this.searching.search(referral.criteria(this.clock.instant())).candidates();
		return notDeclined(referral, candidates).stream()
			.filter(pickableUnasked)
			.findFirst()
			.orElseThrow(() -> new ReferralConflict("no-bed-free", "No suitable bed free"));
	}

}
