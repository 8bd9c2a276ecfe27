package cymru.noddfa.matcher.search;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cymru.noddfa.matcher.availability.BedType;
import cymru.noddfa.matcher.availability.ProvisionIndex;
import cymru.noddfa.matcher.availability.ProvisionState;

/**
 * One search over the in-process index: the child's region nearest first, then the other
 * regions, each until enough fit.
 * <p>
 * The pool is the provisions open with a bed of the type available as their providers
 * last said, within the radius. Each member is first checked against the child from the
 * index alone (age, sex, needs and exclusions as bitmasks, admission time), in the order
 * {@link Matching#judge} checks them. Those that pass are the would-be candidates: their
 * free beds after every instance's holds are read from Redis in one round trip per batch,
 * and each goes through {@link Matching#judge} with that figure, so the explanations are
 * Matching's own. A would-be candidate whose beds are all held, or that Redis does not
 * hold yet, is left out as the GEO engine leaves it out of its index: silently.
 */
final class IndexSearch {

	/** Free beds of a bed type for each provision, in order; -1 where unknown. */
	@FunctionalInterface
	interface FreeBeds {

		int[] free(List<String> provisionIds, BedType bedType);

	}

	private final ProvisionIndex index;

	private final FreeBeds freeBeds;

	private final SearchCriteria criteria;

	private final double radiusKm;

	private final int limit;

	private final int maxVisits;

	private final Instant now;

	private final long wanted;

	/** A need no provision has named has no bit: the lists decide, not the masks. */
	private final boolean exactNeeds;

	private final LocalTime localAdmission;

	private final List<Candidate> candidates = new ArrayList<>();

	private final Set<String> seen = new HashSet<>();

	private final Tally tally = new Tally();

	IndexSearch(ProvisionIndex index, FreeBeds freeBeds, SearchCriteria criteria, double radiusKm, int limit,
			int maxVisits, Instant now) {
		this.index = index;
		this.freeBeds = freeBeds;
		this.criteria = criteria;
		this.radiusKm = radiusKm;
		this.limit = limit;
		this.maxVisits = maxVisits;
		this.now = now;
		this.wanted = index.mask(criteria.needs());
		this.exactNeeds = this.wanted < 0;
		this.localAdmission = criteria.admissionAt().atZone(Matching.LOCAL).toLocalTime();
	}

	SearchResult run() {
		pass(true);
		if (this.candidates.size() < this.limit) {
			pass(false);
		}
		this.candidates.sort(Matching.RANKING);
		return new SearchResult(List.copyOf(this.candidates), this.tally.exclusions(), this.now,
				new Point(this.criteria.lat(), this.criteria.lon()));
	}

	/**
	 * Batches of members nearest first, each walked until it holds enough would-be
	 * candidates to fill the answer (and a few more, for beds held meanwhile), then
	 * settled with one read of Redis.
	 */
	private void pass(boolean inRegion) {
		int visited = 0;
		boolean exhausted = false;
		while (!exhausted && this.candidates.size() < this.limit && visited < this.maxVisits) {
			int missing = this.limit - this.candidates.size();
			Batch batch = new Batch(missing + missing / 4 + 1, this.maxVisits - visited);
			exhausted = this.index.nearestFirst(this.criteria.bedType(), this.criteria.lat(), this.criteria.lon(),
					this.radiusKm, this.criteria.regionCode(), inRegion, visited, batch::visit);
			visited += batch.visits.size();
			settle(batch);
		}
	}

	private void settle(Batch batch) {
		int[] free = this.freeBeds.free(batch.wouldBe, this.criteria.bedType());
		int next = 0;
		for (Visit visit : batch.visits) {
			int beds = (visit.exclusion() == null) ? free[next++] : 0;
			if (this.candidates.size() >= this.limit) {
				return;
			}
			if (!this.seen.add(visit.member().state().provisionId())) {
				// met again on a later walk because the index changed in between
				continue;
			}
			if (visit.exclusion() != null) {
				this.tally.add(visit.exclusion());
				continue;
			}
			if (beds <= 0) {
				continue;
			}
			ProvisionState provision = visit.member().state();
			double km = Matching.distanceKm(this.criteria.lat(), this.criteria.lon(), provision.location().lat(),
					provision.location().lon());
			switch (Matching.judge(this.criteria, provision, beds, km, this.now)) {
				case Matching.Fit fit -> this.candidates.add(fit.candidate());
				case Matching.Excluded excluded -> this.tally.add(excluded);
			}
		}
	}

	/** A member met on the walk, with the rule it fails, if any fails from the index. */
	private record Visit(ProvisionIndex.Member member, Matching.Excluded exclusion) {
	}

	private final class Batch {

		private final int wouldBeWanted;

		private final int maxVisits;

		private final List<Visit> visits = new ArrayList<>();

		private final List<String> wouldBe = new ArrayList<>();

		Batch(int wouldBeWanted, int maxVisits) {
			this.wouldBeWanted = wouldBeWanted;
			this.maxVisits = maxVisits;
		}

		boolean visit(ProvisionIndex.Member member) {
			Matching.Excluded exclusion = firstFailure(member);
			this.visits.add(new Visit(member, exclusion));
			if (exclusion == null) {
				this.wouldBe.add(member.state().provisionId());
			}
			return this.wouldBe.size() < this.wouldBeWanted && this.visits.size() < this.maxVisits;
		}

	}

	/**
	 * The first rule of {@link Matching#judge} after "a bed free" that the member fails,
	 * from the index alone; null when it fails none.
	 */
	private Matching.Excluded firstFailure(ProvisionIndex.Member member) {
		if (this.criteria.age() < member.ageMin() || this.criteria.age() > member.ageMax()) {
			return new Matching.Excluded(ExclusionReason.AGE, null);
		}
		if (!Matching.accepts(member.accepts(), this.criteria.sex())) {
			return new Matching.Excluded(ExclusionReason.SEX, null);
		}
		// the state only where the member's packed checks cannot answer alone
		if (this.exactNeeds || (this.wanted & ~member.needsMet()) != 0) {
			for (String need : this.criteria.needs()) {
				if (!member.state().needsMet().contains(need)) {
					return new Matching.Excluded(ExclusionReason.NEED_NOT_MET, need);
				}
			}
		}
		if (this.exactNeeds || (this.wanted & member.exclusions()) != 0) {
			for (String need : this.criteria.needs()) {
				if (member.state().exclusions().contains(need)) {
					return new Matching.Excluded(ExclusionReason.EXCLUDED_NEED, need);
				}
			}
		}
		if (!member.admitsAlways() && !member.state().admissions().admitsAt(this.localAdmission)) {
			return new Matching.Excluded(ExclusionReason.NOT_ADMITTING, null);
		}
		return null;
	}

}
