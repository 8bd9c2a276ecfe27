package cymru.noddfa.matcher.search;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import cymru.noddfa.matcher.reference.Needs;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns a result into the JSON answer, with every explanation in the caller's language.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SearchResultMapper {

	private final MessageSource messages;

	private final Needs needs;

	public Answer answer(SearchResult result) {
		Locale locale = LocaleContextHolder.getLocale();
		return new Answer(candidates(result.candidates()), result.excluded()
			.stream()
			.map((e) -> new ExcludedView(e.reason().name(), e.need(), e.count(),
					this.messages.getMessage("excluded." + e.reason().name(),
							new Object[] { e.count(), (e.need() != null) ? this.needs.label(e.need(), locale) : "" },
							locale)))
			.toList(), result.searchedAt(), result.searchedFrom());
	}

	public List<CandidateView> candidates(List<Candidate> candidates) {
		Locale locale = LocaleContextHolder.getLocale();
		return candidates.stream()
			.map((c) -> new CandidateView(c.provisionId(), c.name(), c.kind(), c.regionCode(), c.inRegion(),
					c.distanceKm(), c.bedsFree(), c.confirmed(), c.confirmedAt(),
					c.reasons()
						.stream()
						.map((r) -> new ReasonView(r.code(),
								this.messages.getMessage("reason." + r.code(), r.args().toArray(), locale)))
						.toList(),
					c.location(), c.onCallPhone()))
			.toList();
	}

	/**
	 * @param searchedFrom the coarse point the distances are from (the child's, no finer
	 * than the {@link LocationGrid}), for the map
	 */
	public record Answer(List<CandidateView> candidates, List<ExcludedView> excluded, Instant searchedAt,
			Point searchedFrom) {
	}

	/**
	 * @param location where the provision is, for the map
	 * @param onCallPhone the provider's on-call phone as the registry holds it, null when
	 * it gave none
	 */
	public record CandidateView(String provisionId, String name, String kind, String regionCode, boolean inRegion,
			double distanceKm, int bedsFree, boolean confirmed, Instant confirmedAt, List<ReasonView> reasons,
			Point location, String onCallPhone) {
	}

	public record ReasonView(String code, String message) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ExcludedView(String reason, String need, int count, String message) {
	}

}
