package cymru.noddfa.notifications.tenancy;

import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The region of every referral this service has heard of, from the referral events, so
 * who may read a referral's notifications is decided against the region the matcher
 * published.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ReferralRegionRepository {

	private final JdbcClient jdbc;

	/** A referral's region never changes: the first event to name it stands. */
	public void record(String referralId, String regionCode) {
		if (referralId == null || regionCode == null) {
			return;
		}
		this.jdbc.sql("insert into referral_regions (referral_id, region_code) values (?, ?) on conflict do nothing")
			.params(referralId, regionCode)
			.update();
	}

	public Optional<String> regionOf(String referralId) {
		return this.jdbc.sql("select region_code from referral_regions where referral_id = ?")
			.param(referralId)
			.query(String.class)
			.optional();
	}

}
