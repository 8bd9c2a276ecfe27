package cymru.noddfa.identity;

import java.util.List;
import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page: every demo user, one button each. Each button is a form that posts
 * the user's subject to Spring Security's form login, so there is no password to remember
 * and no script on the page.
 */
@RestController
@RequiredArgsConstructor
class SignInPage {

	private final DevIdentityProperties properties;

	private final MessageSource messages;

	@GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
	String page(CsrfToken csrf, Locale locale, @RequestParam(required = false) String error,
			@RequestParam(required = false) String logout) {
		String title = text("identity.page.title", locale);
		StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(locale.getLanguage())
			.append("\">\n<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>")
			.append(title)
			.append("</title></head>\n<body>\n<h1>")
			.append(title)
			.append("</h1>\n<p><strong>")
			.append(text("identity.page.warning", locale))
			.append("</strong></p>\n");
		if (error != null) {
			html.append("<p role=\"alert\">").append(text("identity.page.error", locale)).append("</p>\n");
		}
		if (logout != null) {
			html.append("<p role=\"status\">").append(text("identity.page.signed-out", locale)).append("</p>\n");
		}
		html.append("<p>").append(text("identity.page.intro", locale)).append("</p>\n");
		Role shown = null;
		for (DemoUser user : DemoUser.offered(this.properties)) {
			if (user.role() != shown) {
				html.append((shown != null) ? "</ul>\n" : "")
					.append("<h2>")
					.append(text("identity.role." + user.role().name(), locale))
					.append("</h2>\n<ul>\n");
				shown = user.role();
			}
			html.append("<li><form method=\"post\" action=\"/login\">")
				.append("<input type=\"hidden\" name=\"")
				.append(escape(csrf.getParameterName()))
				.append("\" value=\"")
				.append(escape(csrf.getToken()))
				.append("\"><input type=\"hidden\" name=\"username\" value=\"")
				.append(escape(user.subject()))
				.append("\"><button type=\"submit\">")
				.append(text("identity.sign-in-as", locale, label(user, this.messages, locale)))
				.append("</button></form></li>\n");
		}
		return html.append("</ul>\n</body>\n</html>\n").toString();
	}

	/** "Crisis team CTM", "Provider gwent-partnership", "Administrator". */
	static String label(DemoUser user, MessageSource messages, Locale locale) {
		String role = messages.getMessage("identity.role." + user.role().name(), null, locale);
		List<String> parts = new java.util.ArrayList<>(List.of(role));
		if (user.region() != null) {
			parts.add(user.region());
		}
		if (user.providerId() != null) {
			parts.add(user.providerId());
		}
		return String.join(" ", parts);
	}

	private String text(String key, Locale locale, Object... args) {
		return escape(this.messages.getMessage(key, args, locale));
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
