package cymru.noddfa.matcher.referral;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code team_holds} table: how many beds each team holds right now, below its cap.
 */
@Repository
@RequiredArgsConstructor
class TeamHoldRepository {

	private final JdbcClient jdbc;

	/**
	 * Counts one more hold for the team unless it is at its cap: one guarded increment.
	 */
	boolean take(String teamId, int cap) {
		this.jdbc.sql("insert into team_holds (team_id, active) values (:team, 0) on conflict do nothing")
			.param("team", teamId)
			.update();
		return this.jdbc.sql("update team_holds set active = active + 1 where team_id = :team and active < :cap")
			.param("team", teamId)
			.param("cap", cap)
			.update() == 1;
	}

	void release(String teamId) {
		this.jdbc.sql("update team_holds set active = active - 1 where team_id = :team and active > 0")
			.param("team", teamId)
			.update();
	}

}
