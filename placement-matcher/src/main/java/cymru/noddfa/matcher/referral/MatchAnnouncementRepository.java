package cymru.noddfa.matcher.referral;

import java.time.Instant;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static cymru.noddfa.kit.jdbc.SqlTimestamps.timestamp;

/**
 * The {@code match_announcements} table: which fits each waiting referral has heard of,
 * so a fit is announced once while it lasts.
 */
@Repository
@RequiredArgsConstructor
class MatchAnnouncementRepository {

	private final JdbcClient jdbc;

	/** True when this is the first announcement of the fit. */
	boolean announce(ReferralId referral, String provisionId, Instant at) {
		return this.jdbc
			.sql("""
					insert into match_announcements (referral_id, provision_id, announced_at) values (:referral, :provision, :at)
					on conflict do nothing
					""")
			.param("referral", referral.value())
			.param("provision", provisionId)
			.param("at", timestamp(at))
			.update() == 1;
	}

	/**
	 * Fits that ended: a later fit of the same provision is news again. Only what was
	 * announced before {@code judgedAt} is forgotten: a fit announced meanwhile (a
	 * referral that was not yet waiting when the provision was judged) still stands.
	 */
	void forgetAllBut(String provisionId, List<ReferralId> stillFitting, Instant judgedAt) {
		this.jdbc.sql("""
				delete from match_announcements where provision_id = :provision and not (referral_id = any(:fitting))
				   and announced_at < :judgedAt
				""")
			.param("provision", provisionId)
			.param("judgedAt", timestamp(judgedAt))
			.param("fitting", stillFitting.stream().map(ReferralId::value).toArray(java.util.UUID[]::new))
			.update();
	}

}
