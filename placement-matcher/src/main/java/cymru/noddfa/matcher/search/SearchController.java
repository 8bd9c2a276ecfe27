package cymru.noddfa.matcher.search;

import java.time.Instant;
import java.util.List;

import cymru.noddfa.matcher.availability.BedType;
import cymru.noddfa.matcher.reference.Gazetteer;
import cymru.noddfa.matcher.reference.Needs;
import cymru.noddfa.matcher.reference.Regions;
import lombok.RequiredArgsConstructor;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequiredArgsConstructor
class SearchController {

	/** Which engine answered, so a benchmark can tell a peer from the matcher's own. */
	static final String ENGINE_HEADER = "Noddfa-Search-Engine";

	private final Searching searching;

	private final SearchResultMapper mapper;

	private final Regions regions;

	private final Gazetteer gazetteer;

	private final Needs needs;

	@PostMapping("/v1/searches")
	ResponseEntity<SearchResultMapper.Answer> search(@RequestBody SearchRequest request) {
		return answer(request.toInput());
	}

	/**
	 * The same search as query parameters, for links and the README's curl examples:
	 * {@code regionCode}, {@code lat} and {@code lon} or {@code place}, {@code age},
	 * {@code sex}, {@code needs}, {@code bedType}, {@code admissionAt}, {@code maxKm},
	 * read by {@link SearchQueryParameters}.
	 */
	@GetMapping("/v1/searches")
	ResponseEntity<SearchResultMapper.Answer> search(@ParameterObject SearchInput query) {
		return answer(query);
	}

	private ResponseEntity<SearchResultMapper.Answer> answer(SearchInput input) {
		SearchCriteria criteria = input.toCriteria(this.regions, this.gazetteer, this.needs, this.searching.now());
		return ResponseEntity.ok()
			.header(ENGINE_HEADER, this.searching.engineName())
			.body(this.mapper.answer(this.searching.search(criteria)));
	}

	record Location(Double lat, Double lon) {
	}

	record SearchRequest(String regionCode, Location location, String place, Integer age, Sex sex, List<String> needs,
			BedType bedType, Instant admissionAt, Double maxKm) {

		SearchInput toInput() {
			return new SearchInput(this.regionCode, (this.location != null) ? this.location.lat() : null,
					(this.location != null) ? this.location.lon() : null, this.place, this.age, this.sex, this.needs,
					this.bedType, this.admissionAt, this.maxKm);
		}

	}

}
