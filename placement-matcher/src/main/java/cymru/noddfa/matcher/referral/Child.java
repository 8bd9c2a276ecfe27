package cymru.noddfa.matcher.referral;

import java.util.List;

import cymru.noddfa.matcher.search.Sex;

/**
 * The least about the child that matching needs: no name, no date of birth, no NHS
 * number. {@code place} is the gazetteer town the team named, when it named one. Once the
 * referral is anonymised after retention, {@code location} and {@code place} are
 * {@code null} and {@code needs} empty.
 */
record Child(int age, Sex sex, List<NeedCode> needs, CurrentSetting setting, Location location, String place) {

	Child {
		needs = List.copyOf(needs);
	}

}
