package cymru.noddfa.matcher.search;

import java.time.Instant;
import java.util.List;

import cymru.noddfa.matcher.availability.BedType;

/**
 * What a crisis team is looking for, already validated: a known region, a point, the
 * child's age, sex and needs (known codes), a bed type, when the child must be admitted
 * and how far the child may travel ({@code null}: no limit beyond the search radius).
 */
public record SearchCriteria(String regionCode, double lat, double lon, int age, Sex sex, List<String> needs,
		BedType bedType, Instant admissionAt, Double maxKm) {

	public SearchCriteria {
		needs = List.copyOf(needs);
		sex = (sex != null) ? sex : Sex.UNKNOWN;
	}

}
