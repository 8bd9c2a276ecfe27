package cymru.noddfa.gateway.devauth;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import cymru.noddfa.gateway.problem.InvalidFieldException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * {@code POST /dev-auth/token} signs a token for any demo user the request describes;
 * {@code GET /dev-auth/jwks} publishes the key the services check it with;
 * {@code GET /dev-auth} is a sign-in page listing the demo users of each role and region
 * (plain forms, no script, so it keeps to the gateway's own Content-Security-Policy).
 */
@RestController
@RequestMapping("/dev-auth")
@ConditionalOnBooleanProperty("noddfa.gateway.dev-auth.enabled")
class DevAuthController {

	private final DevAuthProperties properties;

	private final JwtEncoder encoder;

	private final RSAKey signingKey;

	private final MessageSource messages;

	DevAuthController(DevAuthProperties properties, JwtEncoder devTokenEncoder, RSAKey devSigningKey,
			MessageSource messages) {
		this.properties = properties;
		this.encoder = devTokenEncoder;
		this.signingKey = devSigningKey;
		this.messages = messages;
	}

	record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
			@JsonProperty("expires_in") long expiresIn) {
	}

	@PostMapping("/token")
	TokenResponse token(@RequestBody DevUser request) {
		return new TokenResponse(issue(request), "Bearer", this.properties.tokenTtl().toSeconds());
	}

	/**
	 * The region codes a demo team or panel may sign in for: the web app's sign-in form
	 * lists them.
	 */
	@GetMapping("/regions")
	List<String> regions() {
		return this.properties.regions();
	}

	@GetMapping("/jwks")
	Map<String, Object> jwks() {
		return new JWKSet(this.signingKey.toPublicJWK()).toJSONObject();
	}

	/** The sign-in page: every demo user of the local stack, one button each. */
	@GetMapping(path = { "", "/" }, produces = MediaType.TEXT_HTML_VALUE)
	String signInPage(ServerWebExchange exchange) {
		Locale locale = locale(exchange);
		StringBuilder html = page(locale, text("devauth.page.title", locale));
		html.append("<p>").append(text("devauth.page.intro", locale)).append("</p>\n");
		html.append("<h2>").append(text("devauth.role.ADMIN", locale)).append("</h2>\n");
		html.append(signInForm(locale, Role.ADMIN, null, null));
		for (Role role : List.of(Role.CRISIS_TEAM, Role.PANEL)) {
			html.append("<h2>").append(text("devauth.role." + role.name(), locale)).append("</h2>\n<ul>\n");
			for (String region : this.properties.regions()) {
				html.append("<li>").append(signInForm(locale, role, region, null)).append("</li>\n");
			}
			html.append("</ul>\n");
		}
		html.append("<h2>").append(text("devauth.role.PROVIDER", locale)).append("</h2>\n");
		html.append(signInForm(locale, Role.PROVIDER, null, ""));
		return html.append("</body>\n</html>\n").toString();
	}

	/** The page's forms post here; the answer shows the token and how to use it. */
	@PostMapping(path = "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.TEXT_HTML_VALUE)
	Mono<String> signIn(ServerWebExchange exchange) {
		Locale locale = locale(exchange);
		return exchange.getFormData().map((form) -> {
			DevUser user = new DevUser(role(form.getFirst("role")), blankToNull(form.getFirst("region")),
					blankToNull(form.getFirst("providerId")));
			String token = issue(user);
			StringBuilder html = page(locale, text("devauth.signed-in.title", locale));
			html.append("<p>")
				.append(text("devauth.signed-in.as", locale, user.subject()))
				.append("</p>\n<textarea readonly rows=\"8\" cols=\"100\">")
				.append(escape(token))
				.append("</textarea>\n<p>")
				.append(text("devauth.signed-in.try", locale))
				.append("</p>\n<pre>curl -H \"Authorization: Bearer ")
				.append(escape(token))
				.append("\" http://localhost:8080/api/registry/v1/provisions</pre>\n<p><a href=\"/dev-auth\">")
				.append(text("devauth.signed-in.back", locale))
				.append("</a></p>\n</body>\n</html>\n");
			return html.toString();
		});
	}

	private String issue(DevUser request) {
		DevUser user = request.checkedAgainst(this.properties.regions());
		Instant now = Instant.now();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.id(UUID.randomUUID().toString())
			.issuer(this.properties.issuer())
			.audience(List.of(this.properties.audience()))
			.subject(user.subject())
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plus(this.properties.tokenTtl()));
		user.claims().forEach(claims::claim);
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(this.signingKey.getKeyID()).build();
		return this.encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
	}

	private String signInForm(Locale locale, Role role, String region, String providerId) {
		StringBuilder form = new StringBuilder("<form method=\"post\" action=\"/dev-auth/sign-in\">");
		form.append("<input type=\"hidden\" name=\"role\" value=\"").append(role.name()).append("\">");
		String label = this.messages.getMessage("devauth.role." + role.name(), null, locale);
		if (region != null) {
			form.append("<input type=\"hidden\" name=\"region\" value=\"").append(escape(region)).append("\">");
			label = label + " " + region;
		}
		if (providerId != null) {
			form.append("<label>")
				.append(text("devauth.provider-id", locale))
				.append(" <input name=\"providerId\" required pattern=\"[a-z0-9][a-z0-9-]{0,63}\" placeholder=\"ctm-partnership\"></label> ");
		}
		return form.append("<button type=\"submit\">")
			.append(text("devauth.sign-in-as", locale, label))
			.append("</button></form>\n")
			.toString();
	}

	private StringBuilder page(Locale locale, String title) {
		return new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(locale.getLanguage())
			.append("\">\n<head><meta charset=\"utf-8\"><title>")
			.append(title)
			.append("</title></head>\n<body>\n<h1>")
			.append(title)
			.append("</h1>\n<p><strong>")
			.append(text("devauth.page.warning", locale))
			.append("</strong></p>\n");
	}

	private String text(String key, Locale locale, Object... args) {
		return escape(this.messages.getMessage(key, args, locale));
	}

	private static Locale locale(ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return (locale != null) ? locale : Locale.ENGLISH;
	}

	private static Role role(String value) {
		try {
			return (value != null) ? Role.valueOf(value) : null;
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidFieldException("role");
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
