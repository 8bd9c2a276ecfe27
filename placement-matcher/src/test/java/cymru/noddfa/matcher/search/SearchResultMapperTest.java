package cymru.noddfa.matcher.search;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import cymru.noddfa.matcher.reference.Needs;
import cymru.noddfa.matcher.reference.Needs.Need;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class SearchResultMapperTest {

	private static final Locale WELSH = Locale.forLanguageTag("cy");

	private final ResourceBundleMessageSource messages = messages();

	private final SearchResultMapper mapper = new SearchResultMapper(this.messages,
			new Needs(List.of(new Need("LD", "Learning disability", "Anabledd dysgu"))));

	@AfterEach
	void forgetTheLanguage() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void a_remembered_explanation_reads_as_the_message_bundle_writes_it_in_each_language() {
		SearchResult result = result(List.of(Reason.of("BEDS_FREE", 1), Reason.of("BEDS_FREE", 3),
				Reason.of("AGE_RANGE", 12, 17), Reason.of("CONFIRMED", 1_234L), Reason.of("IN_REGION", "CTM")));

		for (int round = 0; round < 3; round++) {
			for (Locale locale : List.of(Locale.ENGLISH, WELSH)) {
				LocaleContextHolder.setLocale(locale);

				SearchResultMapper.Answer answer = this.mapper.answer(result);

				assertThat(answer.candidates().get(0).reasons()).extracting(SearchResultMapper.ReasonView::message)
					.containsExactly(written("reason.BEDS_FREE", locale, 1), written("reason.BEDS_FREE", locale, 3),
							written("reason.AGE_RANGE", locale, 12, 17), written("reason.CONFIRMED", locale, 1_234L),
							written("reason.IN_REGION", locale, "CTM"));
				assertThat(answer.excluded()).extracting(SearchResultMapper.ExcludedView::message)
					.containsExactly(written("excluded.NEED_NOT_MET", locale, 2,
							Locale.ENGLISH.equals(locale) ? "Learning disability" : "Anabledd dysgu"));
			}
		}
		assertThat(written("reason.BEDS_FREE", Locale.ENGLISH, 3)).isEqualTo("3 beds free");
		assertThat(written("reason.BEDS_FREE", WELSH, 1)).isNotEqualTo(written("reason.BEDS_FREE", Locale.ENGLISH, 1));
	}

	private String written(String code, Locale locale, Object... args) {
		return this.messages.getMessage(code, args, locale);
	}

	private static SearchResult result(List<Reason> reasons) {
		Candidate candidate = new Candidate("p-1", "Tŷ Enfys", "CRISIS_UNIT", "CTM", true, 2.5, 3, true,
				Instant.parse("2026-12-01T10:00:00Z"), reasons, new Point(51.5, -3.5), null);
		return new SearchResult(List.of(candidate), List.of(new Exclusion(ExclusionReason.NEED_NOT_MET, "LD", 2)),
				Instant.parse("2026-12-01T10:20:00Z"), new Point(51.5, -3.5));
	}

	/** As the service's configuration has it (spring.messages). */
	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages");
		messages.setFallbackToSystemLocale(false);
		messages.setAlwaysUseMessageFormat(true);
		messages.setDefaultEncoding("UTF-8");
		return messages;
	}

}
