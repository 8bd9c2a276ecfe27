package cymru.noddfa.notifications.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import cymru.noddfa.notifications.panel.PanelAlerts;
import cymru.noddfa.notifications.subscription.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class MessageBundlesTest {

	@Test
	void every_english_message_has_a_welsh_one_and_the_other_way_round() throws IOException {
		Set<String> english = keys("messages.properties");
		Set<String> welsh = keys("messages_cy.properties");
		assertThat(welsh).as("keys missing from messages_cy.properties")
			.containsAll(english)
			.as("keys missing from messages.properties")
			.hasSameElementsAs(english);
	}

	/** The panels' events have messages of their own (below). */
	@ParameterizedTest
	@EnumSource(value = EventType.class, mode = EnumSource.Mode.EXCLUDE, names = { "CaseOpened", "FundingWaitOverdue" })
	void every_event_type_renders_in_english_and_welsh_with_its_reference(EventType type) {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setAlwaysUseMessageFormat(true);
		Templates templates = new Templates(source::getMessage);

		BilingualText text = templates.render(type.name(), "CTM-0042", "CTM");

		assertThat(text.en()).contains("CTM-0042").doesNotContain("''").doesNotContain("{");
		assertThat(text.cy()).contains("CTM-0042").doesNotContain("''").doesNotContain("{").isNotEqualTo(text.en());
	}

	@ParameterizedTest
	@CsvSource({ "FundingWaitOverdue,", "CaseOpened,OUT_OF_REGION_REQUESTED", "CaseOpened,OUT_OF_REGION_HOLD" })
	void every_panel_alert_renders_in_english_and_welsh_with_its_reference_region_and_days(String type,
			String openedBecause) {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setAlwaysUseMessageFormat(true);

		BilingualText text = new Templates(source::getMessage).render(PanelAlerts.kind(type, openedBecause), "POW-0042",
				"POW", 4);

		assertThat(text.en()).contains("POW-0042").doesNotContain("''").doesNotContain("{");
		assertThat(text.cy()).contains("POW-0042").doesNotContain("''").doesNotContain("{").isNotEqualTo(text.en());
		if ("FundingWaitOverdue".equals(type)) {
			assertThat(text.en()).contains("4 days");
			assertThat(text.cy()).contains("4 diwrnod");
		}
		else {
			assertThat(text.en()).contains("POW");
			assertThat(text.cy()).contains("ranbarth POW");
		}
	}

	@Test
	void the_vacancy_reminder_renders_its_bed_type_in_each_language() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setAlwaysUseMessageFormat(true);

		BilingualText text = new Templates(source::getMessage).render("VacancyUnconfirmed", "Bridgend Hub",
				new Templates.Label("bed-type.CRISIS"), 13);

		assertThat(text.en()).contains("Bridgend Hub").contains("crisis vacancies").contains("13 hours");
		assertThat(text.cy()).contains("Bridgend Hub").contains("lleoedd gwag argyfwng").contains("13 awr");
	}

	private static Set<String> keys(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return new TreeSet<>(properties.stringPropertyNames());
	}

}
