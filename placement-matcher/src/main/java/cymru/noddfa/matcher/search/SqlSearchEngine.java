package cymru.noddfa.matcher.search;

import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import cymru.noddfa.matcher.availability.Geo;
import cymru.noddfa.matcher.availability.ProvisionState;
import lombok.RequiredArgsConstructor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The like-for-like peer of the matcher's own engines, as a team would build it first:
 * one PostgreSQL query per search over the matcher's own database, a bounding box served
 * by the B-tree index on (lat, lon) of {@code provision_state}, then the haversine
 * distance and every hard filter of {@link Matching#judge} in SQL, in-region first, then
 * nearest, at most {@code limit} rows. The columns it tests are written with each
 * recorded state, by every matcher whatever its engine (migration V10), so a matcher
 * started with this engine on the database of one that folds answers on the same data.
 * <p>
 * Each row is then judged by {@link Matching#judge} with its state, free beds and
 * distance, so candidates and their reasons are exactly those of the other engines.
 * Distances are measured on the sphere of {@link Geo}, so that they, and the order they
 * give, are the other engines' to the tenth of a kilometre the answer shows. The query
 * leaves out what does not fit without saying why: answers of this engine list no
 * exclusions.
 */
@Component
@ConditionalOnProperty(name = "noddfa.matcher.search.engine", havingValue = SqlSearchEngine.NAME)
@RequiredArgsConstructor
class SqlSearchEngine implements SearchEngine {

	static final String NAME = "sql";

	/** The radius of the sphere every engine's distances are measured on. */
	static final double EARTH_RADIUS_KM = Geo.EARTH_KM;

	private static final String QUERY = """
			select s.state, l.available - l.held - l.placed as free, d.km
			  from provision_state s
			  join bed_ledger l on l.provision_id = s.provision_id and l.bed_type = :bedType
			  cross join lateral (
			        select 2 * :earthRadiusKm * asin(least(1, sqrt(
			                   sin(radians(s.lat - :lat) / 2) ^ 2
			                 + cos(radians(:lat)) * cos(radians(s.lat)) * sin(radians(s.lon - :lon) / 2) ^ 2))) as km
			       ) d
			 where s.lat between :minLat and :maxLat
			   and s.lon between :minLon and :maxLon
			   and s.status = 'OPEN'
			   and :bedType = any(s.bed_types)
			   and l.available - l.held - l.placed > 0
			   and d.km <= :radiusKm
			   and s.age_min <= :age and :age <= s.age_max
			   and (s.accepts = 'ANY' or (s.accepts in ('FEMALE', 'MALE') and s.accepts = :sex))
			   and s.needs_met @> cast(:needs as text[])
			   and not (s.exclusions && cast(:needs as text[]))
			   and (s.admits_always or exists (
			        select 1 from unnest(s.admission_from, s.admission_to) as w(opens, closes)
			         where opens = closes
			            or (opens < closes and :admission >= opens and :admission < closes)
			            or (opens > closes and (:admission >= opens or :admission < closes))))
			 order by s.region_code = :region desc, d.km, s.provision_id
			 limit :limit
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public SearchResult search(SearchCriteria criteria, double radiusKm, int limit, Instant now) {
		BoundingBox box = BoundingBox.around(criteria.lat(), criteria.lon(), radiusKm, EARTH_RADIUS_KM);
		List<Row> rows = this.jdbc.sql(QUERY)
			.param("bedType", criteria.bedType().name())
			.param("earthRadiusKm", EARTH_RADIUS_KM)
			.param("lat", criteria.lat())
			.param("lon", criteria.lon())
			.param("minLat", box.minLat())
			.param("maxLat", box.maxLat())
			.param("minLon", box.minLon())
			.param("maxLon", box.maxLon())
			.param("radiusKm", radiusKm)
			.param("age", criteria.age())
			.param("sex", criteria.sex().name())
			.param("needs", criteria.needs().toArray(String[]::new))
			.param("admission", localAdmission(criteria))
			.param("region", criteria.regionCode())
			.param("limit", limit)
			.query((rs, rowNum) -> new Row(rs.getString("state"), rs.getInt("free"), rs.getDouble("km")))
			.list();
		List<Candidate> candidates = new ArrayList<>(rows.size());
		for (Row row : rows) {
			ProvisionState state = this.json.readValue(row.state(), ProvisionState.class);
			if (Matching.judge(criteria, state, row.free(), row.km(), now) instanceof Matching.Fit fit) {
				candidates.add(fit.candidate());
			}
		}
		candidates.sort(Matching.RANKING);
		return new SearchResult(List.copyOf(candidates), List.of(), now, new Point(criteria.lat(), criteria.lon()));
	}

	/**
	 * The admission's time of day where the provision is, to the microsecond PostgreSQL
	 * keeps: cut, not rounded, so that it falls on the same side of every window's bound
	 * as the exact time does.
	 */
	private static LocalTime localAdmission(SearchCriteria criteria) {
		return criteria.admissionAt().atZone(Matching.LOCAL).toLocalTime().truncatedTo(ChronoUnit.MICROS);
	}

	private record Row(String state, int free, double km) {
	}

}
