package cymru.noddfa.gateway.webapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The web app's words: every {@code app.*} message in the language asked for
 * ({@code ?lang=cy}, else {@code Accept-Language}), so a translator corrects English and
 * Welsh in the gateway's message bundles and the page follows. Languages without a bundle
 * get English.
 */
@RestController
class AppMessagesController {

	static final String PREFIX = "app.";

	private static final List<String> LANGUAGES = List.of("en", "cy");

	private final MessageSource messages;

	private final List<String> keys;

	AppMessagesController(MessageSource messages) {
		this.messages = messages;
		this.keys = appKeys();
	}

	record AppMessages(String lang, Map<String, String> messages) {
	}

	@GetMapping("/app/messages")
	ResponseEntity<AppMessages> messages(@RequestParam(required = false) String lang, ServerWebExchange exchange) {
		String language = language(lang, exchange);
		Locale locale = Locale.forLanguageTag(language);
		Map<String, String> texts = new TreeMap<>();
		for (String key : this.keys) {
			texts.put(key, this.messages.getMessage(key, null, locale));
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
			.body(new AppMessages(language, texts));
	}

	private static String language(String asked, ServerWebExchange exchange) {
		if (asked != null) {
			String language = asked.trim().toLowerCase(Locale.ROOT);
			return LANGUAGES.contains(language) ? language : LANGUAGES.get(0);
		}
		Locale locale = exchange.getLocaleContext().getLocale();
		return (locale != null && LANGUAGES.contains(locale.getLanguage())) ? locale.getLanguage() : LANGUAGES.get(0);
	}

	/** The keys of the base bundle; the bundle test keeps the Welsh one in step. */
	private static List<String> appKeys() {
		Properties properties = new Properties();
		try (InputStream in = new ClassPathResource("messages.properties").getInputStream()) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties.stringPropertyNames().stream().filter((key) -> key.startsWith(PREFIX)).sorted().toList();
	}

}
