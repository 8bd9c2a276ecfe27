package cymru.noddfa.matcher.search;

import java.time.Instant;
import java.util.List;

import cymru.noddfa.matcher.availability.BedType;
import cymru.noddfa.matcher.reference.Gazetteer;
import cymru.noddfa.matcher.reference.Needs;
import cymru.noddfa.matcher.reference.Regions;

/**
 * A search as a client sends it: a point or a gazetteer place. Turning it into criteria
 * checks every value against the reference data and its bounds once, and coarsens the
 * point to the {@link LocationGrid}; a referral's criteria are made here too, so searches
 * and referrals share one rule.
 */
public record SearchInput(String regionCode, Double lat, Double lon, String place, Integer age, Sex sex,
		List<String> needs, BedType bedType, Instant admissionAt, Double maxKm) {

	/**
	 * The farthest a child may be asked to travel. Wales is about 270 km from north to
	 * south, so 500 km reaches every bed in Wales and its borders from anywhere in it;
	 * anything more is a mistake or an attempt to make the search scan everything.
	 */
	public static final double MAX_KM = 500;

	/**
	 * Most needs one child may be searched for: the vocabulary has far fewer codes, so
	 * more can only be repeats or an attempt to make every provision be checked at
	 * length.
	 */
	public static final int MAX_NEEDS = 32;

	public SearchCriteria toCriteria(Regions regions, Gazetteer gazetteer, Needs vocabulary, Instant now) {
		if (!regions.isKnown(this.regionCode)) {
			throw new RejectedInput("regionCode", "unknown-region", String.valueOf(this.regionCode));
		}
		if (this.age == null || this.age < 0 || this.age > 25) {
			throw new RejectedInput("age", "invalid-age");
		}
		if (this.bedType == null) {
			throw new RejectedInput("bedType", "missing-field", "bedType");
		}
		List<String> needs = (this.needs != null) ? this.needs : List.of();
		if (needs.size() > MAX_NEEDS) {
			throw new RejectedInput("needs", "too-many-needs", MAX_NEEDS);
		}
		for (int i = 0; i < needs.size(); i++) {
			if (!vocabulary.isKnown(needs.get(i))) {
				throw new RejectedInput("needs[" + i + "]", "unknown-need", String.valueOf(needs.get(i)));
			}
		}
		if (this.maxKm != null && !(this.maxKm > 0)) {
			throw new RejectedInput("maxKm", "invalid-distance");
		}
		if (this.maxKm != null && this.maxKm > MAX_KM) {
			throw new RejectedInput("maxKm", "distance-too-far", (int) MAX_KM);
		}
		double lat;
		double lon;
		if (this.lat != null || this.lon != null) {
			// written so that NaN, which a query parameter can carry, is refused too
			if (this.lat == null || this.lon == null || !(this.lat >= -90 && this.lat <= 90)
					|| !(this.lon >= -180 && this.lon <= 180)) {
				throw new RejectedInput("location", "invalid-location");
			}
			lat = this.lat;
			lon = this.lon;
		}
		else if (this.place != null) {
			Gazetteer.Place found = gazetteer.find(this.place)
				.orElseThrow(() -> new RejectedInput("place", "unknown-place", this.place));
			lat = found.lat();
			lon = found.lon();
		}
		else {
			throw new RejectedInput("location", "missing-location");
		}
		return new SearchCriteria(this.regionCode, LocationGrid.lat(lat), LocationGrid.lon(lon), this.age, this.sex,
				needs.stream().distinct().toList(), this.bedType, (this.admissionAt != null) ? this.admissionAt : now,
				this.maxKm);
	}

}
