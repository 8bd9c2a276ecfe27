package cymru.noddfa.matcher.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cymru.noddfa.kit.security.AccessRefused;
import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.kit.security.Role;
import cymru.noddfa.matcher.availability.AvailabilityStore;
import cymru.noddfa.matcher.availability.BedLedgerRepository;
import cymru.noddfa.matcher.availability.BedType;
import cymru.noddfa.matcher.availability.LedgerRow;
import cymru.noddfa.matcher.availability.ProvisionAvailabilityChanged;
import cymru.noddfa.matcher.availability.ReadModelUnavailable;
import cymru.noddfa.matcher.search.Candidate;
import cymru.noddfa.matcher.search.Matching;
import cymru.noddfa.matcher.search.SearchResult;
import cymru.noddfa.matcher.search.Searching;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every step of a referral's life, each one database transaction holding the change, its
 * event (outbox) and its audit record. Beds are taken and given back on the bed ledger in
 * the same transaction; Redis is told afterwards and only mirrors.
 */
@Component
class ReferralStore {

	private static final Logger log = LoggerFactory.getLogger(ReferralStore.class);

	private final ReferralRepository referrals;

	private final BedLedgerRepository ledger;

	private final ReferralEventPublisher events;

	private final Searching searching;

	private final AvailabilityStore availability;

	private final TransactionTemplate transactions;

	private final HoldProperties properties;

	private final Clock clock;

	private final ApplicationEventPublisher applicationEvents;

	ReferralStore(ReferralRepository referrals, BedLedgerRepository ledger, ReferralEventPublisher events,
			Searching searching, AvailabilityStore availability, TransactionTemplate transactions,
			HoldProperties properties, Clock clock, ApplicationEventPublisher applicationEvents) {
		this.applicationEvents = applicationEvents;
		this.referrals = referrals;
		this.ledger = ledger;
		this.events = events;
		this.searching = searching;
		this.availability = availability;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Records a new referral and, when nothing fits in its region, escalates it at once
	 * with the out-of-region options attached.
	 */
	Referral create(Referral draft) {
		Instant now = this.clock.instant();
		SearchResult result = searchOrNull(draft);
		Referral referral = this.transactions.execute((tx) -> {
			this.referrals.insert(draft);
			this.events.publish(draft, "ReferralCreated", now,
					details("bedType", draft.bedType().name(), "needs", draft.needs()));
			audit(draft, "CREATED", draft.teamId(), now);
			if (result != null && !result.hasInRegionCandidate()) {
				return escalate(draft, result, now);
			}
			return draft;
		});
		log.info("Referral {} created for region {} ({})", referral.id(), referral.regionCode(), referral.status());
		return referral;
	}

	Referral read(UUID id, Caller caller) {
		Instant now = this.clock.instant();
		return this.transactions.execute((tx) -> {
			Referral referral = this.referrals.find(id).orElseThrow(() -> new ReferralNotFound("referralId", id));
			referral.requireSeenBy(caller);
			audit(referral, "READ", caller.subject(), now);
			return referral;
		});
	}

	/** The caller must see the region (checked by the caller of this method). */
	List<Referral> list(String regionCode, ReferralStatus status, Caller caller) {
		Instant now = this.clock.instant();
		return this.transactions.execute((tx) -> {
			List<Referral> found = this.referrals.forRegion(regionCode, status, 200);
			found.forEach((referral) -> audit(referral, "LISTED", caller.subject(), now));
			return found;
		});
	}

	List<Hold> holds(UUID referralId, Caller caller) {
		read(referralId, caller);
		return this.referrals.holds(referralId);
	}

	/**
	 * The holds a caller may see: a provider those on the beds it keeps, a crisis team or
	 * panel those of its region's referrals. Each referral shown is audited.
	 */
	List<UnitHold> holdsFor(Caller caller, Hold.Status status) {
		Instant now = this.clock.instant();
		return this.transactions.execute((tx) -> {
			List<UnitHold> found;
			if (caller.has(Role.PROVIDER) && caller.providerId() != null) {
				found = this.referrals.holdsOfProvider(caller.providerId(), status, 200);
			}
			else if (caller.seesRegion(caller.region())) {
				found = this.referrals.holdsInRegion(caller.region(), status, 200);
			}
			else {
				throw new AccessRefused("holds");
			}
			found.stream()
				.map(UnitHold::referralId)
				.distinct()
				.forEach((referral) -> this.referrals.audit(referral, "HOLDS_LISTED", caller.subject(),
						MDC.get("requestId"), now));
			return found;
		});
	}

	/**
	 * Holds one bed for the referral: the provision the team picked, or the best
	 * candidate. The bed is taken by the ledger's guarded update; everything else in the
	 * transaction (referral version, team cap) is guarded the same way, so a lost race is
	 * a clean 409 with nothing changed.
	 */
	Hold hold(UUID referralId, String pickedProvisionId, Caller caller) {
		String actor = caller.subject();
		Instant now = this.clock.instant();
		Referral referral = this.referrals.find(referralId)
			.orElseThrow(() -> new ReferralNotFound("referralId", referralId));
		referral.requireHandledBy(caller);
		if (!referral.status().isWaiting()) {
			throw new ReferralConflict("referral-state",
					"Referral " + referralId + " is " + referral.status() + "; only a waiting referral can hold a bed");
		}
		Candidate candidate = choose(referral, pickedProvisionId, now);
		// a committed full row fails fast without queueing for its lock; the guarded
		// update below still decides every race
		if (this.ledger.find(candidate.provisionId(), referral.bedType()).map(LedgerRow::free).orElse(0) == 0) {
			throw new ReferralConflict("no-bed-free",
					"No " + referral.bedType() + " bed free at " + candidate.provisionId());
		}
		List<LedgerRow> changed = new ArrayList<>();
		Hold hold = this.transactions.execute((tx) -> {
			Referral offered = referral.moveTo(ReferralStatus.OFFERED, now);
			this.referrals.update(referral, offered);
			if (!this.referrals.takeTeamSlot(referral.teamId(), this.properties.teamCap())) {
				throw new ReferralConflict("hold-cap-reached",
						"Team already holds " + this.properties.teamCap() + " beds");
			}
			LedgerRow row = this.ledger.hold(candidate.provisionId(), referral.bedType())
				.orElseThrow(() -> new ReferralConflict("no-bed-free",
						"No " + referral.bedType() + " bed free at " + candidate.provisionId()));
			changed.add(row);
			Hold placed = new Hold(UUID.randomUUID(), referralId, candidate.provisionId(), referral.bedType(),
					row.provisionVersion(), referral.teamId(), Hold.Status.ACTIVE, candidate.inRegion(),
					candidate.distanceKm(), now, now.plus(this.properties.ttl()), null, null);
			this.referrals.insert(placed);
			this.events.publish(offered, "HoldPlaced", now,
					details("holdId", placed.id().toString(), "provisionId", placed.provisionId(), "bedType",
							placed.bedType().name(), "expiresAt", placed.expiresAt().toString()));
			audit(offered, "HOLD_PLACED", actor, now);
			return placed;
		});
		mirror(changed);
		log.info("Hold {} placed on provision {} for referral {}, expires {}", hold.id(), hold.provisionId(),
				referralId, hold.expiresAt());
		return hold;
	}

	/** Only the provider keeping the held bed answers for it. */
	Hold accept(UUID referralId, UUID holdId, Caller caller) {
		requireAnswerable(referralId, holdId, caller);
		String actor = caller.subject();
		Instant now = this.clock.instant();
		return this.transactions.execute((tx) -> {
			Referral referral = load(referralId);
			Referral accepted = referral.moveTo(ReferralStatus.ACCEPTED, now);
			Hold hold = this.referrals.moveHold(referralId, holdId, Hold.Status.ACTIVE, Hold.Status.ACCEPTED, null, now)
				.orElseThrow(() -> holdConflict(referralId, holdId));
			this.referrals.update(referral, accepted);
			this.events.publish(accepted, "HoldAccepted", now, holdDetails(hold));
			audit(accepted, "HOLD_ACCEPTED", actor, now);
			return hold;
		});
	}

	/** The provider said no: the bed goes back and the referral is matched again. */
	Hold decline(UUID referralId, UUID holdId, DeclineReason reason, Caller caller) {
		requireAnswerable(referralId, holdId, caller);
		Hold hold = release(referralId, holdId, Hold.Status.DECLINED, reason, "HoldDeclined", caller.subject());
		log.info("Hold {} declined ({}); referral {} is open again", holdId, reason, referralId);
		try {
			recheck(referralId);
		}
		catch (DataAccessException ex) {
			// the decline is committed and must be answered as such; the referral waits
			// for the next change of a provision to be matched again
			log.warn("Referral {} not matched again after the decline ({}); the next provision change does it",
					referralId, ex.getClass().getSimpleName());
		}
		return hold;
	}

	/** Nobody answered in time: the bed goes back and the referral is matched again. */
	void expire(Hold hold) {
		try {
			release(hold.referralId(), hold.id(), Hold.Status.EXPIRED, null, "HoldExpired", "system");
		}
		catch (ReferralConflict ex) {
			// answered or expired by another instance in the meantime
			return;
		}
		log.info("Hold {} on provision {} expired; referral {} is open again", hold.id(), hold.provisionId(),
				hold.referralId());
		recheck(hold.referralId());
	}

	private Hold release(UUID referralId, UUID holdId, Hold.Status outcome, DeclineReason reason, String type,
			String actor) {
		Instant now = this.clock.instant();
		List<LedgerRow> changed = new ArrayList<>();
		Hold hold = this.transactions.execute((tx) -> {
			Referral referral = load(referralId);
			Referral reopened = referral.moveTo(ReferralStatus.OPEN, now);
			Hold released = this.referrals.moveHold(referralId, holdId, Hold.Status.ACTIVE, outcome, reason, now)
				.orElseThrow(() -> holdConflict(referralId, holdId));
			this.referrals.update(referral, reopened);
			this.referrals.releaseTeamSlot(released.teamId());
			changed.add(this.ledger.release(released.provisionId(), released.bedType()));
			Map<String, Object> details = holdDetails(released);
			if (reason != null) {
				details.put("reasonCode", reason.name());
			}
			this.events.publish(reopened, type, now, details);
			audit(reopened, type.replace("Hold", "HOLD_").toUpperCase(java.util.Locale.ROOT), actor, now);
			return released;
		});
		returned(changed);
		return hold;
	}

	Placement startPlacement(UUID referralId, Caller caller) {
		String actor = caller.subject();
		Instant now = this.clock.instant();
		List<LedgerRow> changed = new ArrayList<>();
		Placement placement = this.transactions.execute((tx) -> {
			Referral referral = load(referralId);
			referral.requireHandledBy(caller);
			Referral placed = referral.moveTo(ReferralStatus.PLACED, now);
			Hold accepted = this.referrals.liveHold(referralId)
				.filter((h) -> h.status() == Hold.Status.ACCEPTED)
				.orElseThrow(() -> new ReferralConflict("referral-state", "No accepted hold"));
			this.referrals.moveHold(referralId, accepted.id(), Hold.Status.ACCEPTED, Hold.Status.PLACED, null, now);
			this.referrals.update(referral, placed);
			this.referrals.releaseTeamSlot(accepted.teamId());
			changed.add(this.ledger.place(accepted.provisionId(), accepted.bedType()));
			Placement started = new Placement(UUID.randomUUID(), referralId, accepted.id(), accepted.provisionId(),
					accepted.bedType(), accepted.inRegion(), accepted.distanceKm(), now, null);
			this.referrals.insert(started);
			this.events.publish(placed, "PlacementStarted", now, placementDetails(started, now));
			audit(placed, "PLACEMENT_STARTED", actor, now);
			return started;
		});
		mirror(changed);
		return placement;
	}

	/**
	 * The child left: said by the crisis team of the referral's region or by the provider
	 * keeping the bed.
	 */
	Placement endPlacement(UUID placementId, Caller caller) {
		String actor = caller.subject();
		Instant now = this.clock.instant();
		return this.transactions.execute((tx) -> {
			Placement placement = this.referrals.findPlacement(placementId)
				.orElseThrow(() -> new ReferralNotFound("placementId", placementId));
			Referral referral = load(placement.referralId());
			if (!caller.isCrisisTeamOf(referral.regionCode()) && !keeps(caller, placement.provisionId())) {
				throw new AccessRefused("placement");
			}
			Referral ended = referral.moveTo(ReferralStatus.ENDED, now);
			Placement finished = this.referrals.endPlacement(placementId, now)
				.orElseThrow(() -> new ReferralConflict("referral-state", "Placement already ended"));
			this.referrals.update(referral, ended);
			this.events.publish(ended, "PlacementEnded", now, placementDetails(finished, now));
			audit(ended, "PLACEMENT_ENDED", actor, now);
			return finished;
		});
	}

	Placement placement(UUID placementId, Caller caller) {
		Placement placement = this.referrals.findPlacement(placementId)
			.orElseThrow(() -> new ReferralNotFound("placementId", placementId));
		read(placement.referralId(), caller);
		return placement;
	}

	/** Withdraws the referral from any open state; a held bed goes back at once. */
	Referral cancel(UUID referralId, Caller caller) {
		String actor = caller.subject();
		Instant now = this.clock.instant();
		List<LedgerRow> changed = new ArrayList<>();
		Referral cancelled = this.transactions.execute((tx) -> {
			Referral referral = load(referralId);
			referral.requireHandledBy(caller);
			Referral next = referral.moveTo(ReferralStatus.CANCELLED, now);
			Optional<Hold> live = this.referrals.liveHold(referralId);
			live.ifPresent((hold) -> {
				this.referrals.moveHold(referralId, hold.id(), hold.status(), Hold.Status.CANCELLED, null, now);
				this.referrals.releaseTeamSlot(hold.teamId());
				changed.add(this.ledger.release(hold.provisionId(), hold.bedType()));
			});
			this.referrals.update(referral, next);
			this.events.publish(next, "ReferralCancelled", now, details());
			audit(next, "CANCELLED", actor, now);
			return next;
		});
		returned(changed);
		return cancelled;
	}

	/**
	 * Matches an open referral again: escalates it when nothing fits in its region,
	 * otherwise announces the best fit it has not been told about.
	 */
	void recheck(UUID referralId) {
		Referral referral = this.referrals.find(referralId).orElse(null);
		if (referral == null || !referral.status().isWaiting()) {
			return;
		}
		SearchResult result = searchOrNull(referral);
		if (result == null) {
			return;
		}
		List<String> declined = this.referrals.declinedProvisions(referralId);
		List<Candidate> candidates = result.candidates()
			.stream()
			.filter((c) -> !declined.contains(c.provisionId()))
			.toList();
		Instant now = this.clock.instant();
		try {
			this.transactions.executeWithoutResult((tx) -> {
				boolean inRegion = candidates.stream().anyMatch(Candidate::inRegion);
				if (!inRegion && referral.status() == ReferralStatus.OPEN) {
					escalate(referral, new SearchResult(candidates, result.excluded(), result.searchedAt()), now);
					return;
				}
				candidates.stream()
					.filter((c) -> c.inRegion() || referral.status() == ReferralStatus.OPEN)
					.findFirst()
					.ifPresent((best) -> announce(referral, best.provisionId(), now));
			});
		}
		catch (ReferralConflict ex) {
			// changed by someone else meanwhile; their change triggers its own re-match
		}
	}

	/**
	 * A provision changed: every waiting referral it now fits hears of it once; one it
	 * stopped fitting may hear of it again later.
	 */
	void recheckWaiting(String provisionId) {
		Instant now = this.clock.instant();
		List<Referral> waiting = new ArrayList<>();
		java.util.Set<UUID> declined = this.referrals.declinedBy(provisionId);
		for (BedType bedType : BedType.values()) {
			this.referrals.waiting(bedType)
				.stream()
				.filter((referral) -> !declined.contains(referral.id()))
				.forEach(waiting::add);
		}
		if (waiting.isEmpty()) {
			return;
		}
		List<Optional<Matching.Verdict>> verdicts;
		try {
			verdicts = this.searching.judgeAll(waiting.stream().map((r) -> r.criteria(now)).toList(), provisionId);
		}
		catch (ReadModelUnavailable ex) {
			return;
		}
		List<UUID> fitting = new ArrayList<>();
		for (int i = 0; i < waiting.size(); i++) {
			Referral referral = waiting.get(i);
			Optional<Matching.Verdict> verdict = verdicts.get(i);
			if (verdict.isPresent() && verdict.get() instanceof Matching.Fit fit
					&& (fit.candidate().inRegion() || referral.status() == ReferralStatus.OPEN)) {
				fitting.add(referral.id());
				this.transactions.executeWithoutResult((tx) -> announce(referral, provisionId, now));
			}
		}
		this.referrals.forgetAnnouncementsExcept(provisionId, fitting);
	}

	void reportOverruns() {
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult((tx) -> {
			for (Placement placement : this.referrals.claimOverruns(BedType.CRISIS,
					now.minus(this.properties.crisisOverrun()), now)) {
				Referral referral = load(placement.referralId());
				this.events.publish(referral, "CrisisStayOverran", now,
						details("placementId", placement.id().toString(), "provisionId", placement.provisionId()));
				log.warn("Crisis placement {} at provision {} has been open more than {}; panel told", placement.id(),
						placement.provisionId(), this.properties.crisisOverrun());
			}
		});
	}

	List<Hold> expiredHolds() {
		return this.referrals.expired(this.clock.instant(), 100);
	}

	private void announce(Referral referral, String provisionId, Instant now) {
		if (this.referrals.announce(referral.id(), provisionId, now)) {
			this.events.publish(referral, "MatchAvailable", now,
					details("provisionId", provisionId, "bedType", referral.bedType().name()));
			log.info("Referral {} has a new fit at provision {}; team told", referral.id(), provisionId);
		}
	}

	private Referral escalate(Referral referral, SearchResult result, Instant now) {
		List<Referral.Option> options = result.outOfRegion()
			.stream()
			.sorted(java.util.Comparator.comparingDouble(Candidate::distanceKm))
			.map((c) -> new Referral.Option(c.provisionId(), c.name(), c.regionCode(), c.distanceKm()))
			.toList();
		Referral escalated = referral.escalate(options, now);
		this.referrals.update(referral, escalated);
		List<Map<String, Object>> optionEvents = options.stream()
			.map((o) -> Map.<String, Object>of("provisionId", o.provisionId(), "regionCode", o.regionCode(),
					"distanceKm", o.distanceKm()))
			.toList();
		this.events.publish(escalated, "ReferralEscalated", now, details("outOfRegionOptions", optionEvents));
		audit(escalated, "ESCALATED", "system", now);
		log.info("Referral {} has no suitable bed in region {}; escalated to the panel with {} out-of-region options",
				referral.id(), referral.regionCode(), options.size());
		return escalated;
	}

	private Candidate choose(Referral referral, String pickedProvisionId, Instant now) {
		if (pickedProvisionId != null) {
			Matching.Verdict verdict = this.searching.judge(referral.criteria(now), pickedProvisionId)
				.orElseThrow(() -> new ReferralNotFound("provisionId", pickedProvisionId));
			return switch (verdict) {
				case Matching.Fit fit -> fit.candidate();
				case Matching.Excluded excluded -> throw new ReferralConflict(
						(excluded.reason() == cymru.noddfa.matcher.search.ExclusionReason.NO_BED_FREE) ? "no-bed-free"
								: "provision-unsuitable",
						"Provision " + pickedProvisionId + " does not fit: " + excluded.reason());
			};
		}
		List<String> declined = this.referrals.declinedProvisions(referral.id());
		return this.searching.search(referral.criteria(now))
			.candidates()
			.stream()
			.filter((c) -> !declined.contains(c.provisionId()))
			.findFirst()
			.orElseThrow(() -> new ReferralConflict("no-bed-free", "No suitable bed free"));
	}

	private SearchResult searchOrNull(Referral referral) {
		try {
			return this.searching.search(referral.criteria(this.clock.instant()));
		}
		catch (ReadModelUnavailable ex) {
			log.warn("Referral {} could not be matched now (read model unavailable); it waits for the next change",
					referral.id());
			return null;
		}
	}

	/**
	 * The referral and hold exist and the caller keeps the held provision; whether the
	 * hold belongs to this referral and still waits is decided by the guarded update.
	 */
	private void requireAnswerable(UUID referralId, UUID holdId, Caller caller) {
		load(referralId);
		Hold hold = this.referrals.findHold(holdId).orElseThrow(() -> new ReferralNotFound("holdId", holdId));
		if (!keeps(caller, hold.provisionId())) {
			throw new AccessRefused("hold");
		}
	}

	private boolean keeps(Caller caller, String provisionId) {
		return this.ledger.providerOf(provisionId).map(caller::actsForProvider).orElse(false);
	}

	private Referral load(UUID referralId) {
		return this.referrals.find(referralId).orElseThrow(() -> new ReferralNotFound("referralId", referralId));
	}

	private void mirror(List<LedgerRow> rows) {
		try {
			if (!rows.isEmpty()) {
				this.availability.mirror(rows);
			}
		}
		catch (ReadModelUnavailable ex) {
			// Redis only mirrors; the rebuild restores these figures from the ledger
			log.warn("Could not mirror {} ledger rows to Redis; the next rebuild restores them", rows.size());
		}
	}

	/** A bed came back: waiting referrals may fit it now. */
	private void returned(List<LedgerRow> rows) {
		mirror(rows);
		rows.stream()
			.filter((row) -> row.free() > 0)
			.forEach((row) -> this.applicationEvents.publishEvent(new ProvisionAvailabilityChanged(row.provisionId())));
	}

	private void audit(Referral referral, String action, String actor, Instant at) {
		this.referrals.audit(referral.id(), action, actor, MDC.get("requestId"), at);
	}

	private static ReferralConflict holdConflict(UUID referralId, UUID holdId) {
		return new ReferralConflict("hold-state", "Hold " + holdId + " of referral " + referralId + " is not active");
	}

	private static Map<String, Object> holdDetails(Hold hold) {
		return details("holdId", hold.id().toString(), "provisionId", hold.provisionId(), "bedType",
				hold.bedType().name());
	}

	private static Map<String, Object> placementDetails(Placement placement, Instant at) {
		return details("placementId", placement.id().toString(), "provisionId", placement.provisionId(), "bedType",
				placement.bedType().name(), "at", at.toString());
	}

	private static Map<String, Object> details(Object... pairs) {
		Map<String, Object> details = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			details.put((String) pairs[i], pairs[i + 1]);
		}
		return details;
	}

}
