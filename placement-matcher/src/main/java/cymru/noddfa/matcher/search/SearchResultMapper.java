package cymru.noddfa.matcher.search;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import cymru.noddfa.matcher.reference.Needs;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns a result into the JSON answer, with every explanation in the caller's language.
 * <p>
 * An explanation's text is remembered once written: a search explains each of its
 * candidates six or seven times, and {@link java.text.MessageFormat} builds a new number
 * format for every number it writes, which made the texts 8 % of the matcher's CPU per
 * search. The same few reasons recur (a region, a count of beds, an age range, minutes
 * since confirmed), so a bounded memory holds nearly all of them.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SearchResultMapper {

	/** Far more than the distinct texts of a day's searches; each is a short string. */
	private static final int REMEMBERED_TEXTS = 20_000;

	private final MessageSource messages;

	private final Needs needs;

	private final Cache<Text, String> texts = Caffeine.newBuilder().maximumSize(REMEMBERED_TEXTS).build();

	public Answer answer(SearchResult result) {
		Locale locale = LocaleContextHolder.getLocale();
		return new Answer(candidates(result.candidates()), result.excluded()
			.stream()
			.map((e) -> new ExcludedView(e.reason().name(), e.need(), e.count(), text("excluded." + e.reason().name(),
					List.<Object>of(e.count(), (e.need() != null) ? this.needs.label(e.need(), locale) : ""), locale)))
			.toList(), result.searchedAt(), result.searchedFrom());
	}

	public List<CandidateView> candidates(List<Candidate> candidates) {
		Locale locale = LocaleContextHolder.getLocale();
		return candidates.stream()
			.map((c) -> new CandidateView(c.provisionId(), c.name(), c.kind(), c.regionCode(), c.inRegion(),
					c.distanceKm(), c.bedsFree(), c.confirmed(), c.confirmedAt(),
					c.reasons()
						.stream()
						.map((r) -> new ReasonView(r.code(), text("reason." + r.code(), r.args(), locale)))
						.toList(),
					c.location(), c.onCallPhone()))
			.toList();
	}

	private String text(String code, List<Object> args, Locale locale) {
		return this.texts.get(new Text(code, args, locale),
				(text) -> this.messages.getMessage(code, args.toArray(), locale));
	}

	/** A message as written: its code, its arguments (values) and the language. */
	private record Text(String code, List<Object> args, Locale locale) {
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
