package cymru.noddfa.gateway.webapp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web app's map of the beds found. By default it asks nothing of another server: an
 * outline of Wales shipped with the app ({@code /map/wales.json}) under the markers. A
 * deployment with internet access may name a tile server, whose images then lie under the
 * outline; the page reads these settings from {@code GET /app/me}, and the
 * {@code Content-Security-Policy} lets images come from that server's origin (and from no
 * other).
 *
 * @param tileUrl a Leaflet tile URL template,
 * {@code https://{s}.tile.example.org/{z}/{x}/{y}.png} ({@code {s}} a subdomain,
 * {@code a}, {@code b} or {@code c}); empty (the default): no tiles are ever requested
 * @param tileAttribution the words the tile server's licence asks to be shown with its
 * tiles ("© OpenStreetMap contributors"), shown as plain text under the map
 */
@ConfigurationProperties("noddfa.gateway.map")
public record MapProperties(@DefaultValue("") String tileUrl, @DefaultValue("") String tileAttribution) {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z]+\\}");

	public MapProperties {
		tileUrl = (tileUrl != null) ? tileUrl.strip() : "";
		tileAttribution = (tileAttribution != null) ? tileAttribution.strip() : "";
		if (!tileUrl.isEmpty()) {
			check(tileUrl);
		}
	}

	/**
	 * Where tile images come from, as a {@code Content-Security-Policy} source:
	 * {@code https://*.tile.example.org} for {@code https://{s}.tile.example.org/…} (a
	 * placeholder in the host stands for any name there); empty without tiles.
	 */
	public Optional<String> tileSource() {
		if (this.tileUrl.isEmpty()) {
			return Optional.empty();
		}
		int hostStart = this.tileUrl.indexOf("://") + 3;
		int hostEnd = this.tileUrl.indexOf('/', hostStart);
		String scheme = this.tileUrl.substring(0, hostStart);
		String authority = this.tileUrl.substring(hostStart, (hostEnd < 0) ? this.tileUrl.length() : hostEnd);
		String[] labels = authority.split("\\.", -1);
		int lastPlaceholder = -1;
		for (int i = 0; i < labels.length; i++) {
			if (labels[i].contains("{")) {
				lastPlaceholder = i;
			}
		}
		if (lastPlaceholder < 0) {
			return Optional.of((scheme + authority).toLowerCase(Locale.ROOT));
		}
		String rest = String.join(".", java.util.Arrays.copyOfRange(labels, lastPlaceholder + 1, labels.length));
		return Optional.of((scheme + "*." + rest).toLowerCase(Locale.ROOT));
	}

	private static void check(String tileUrl) {
		String problem = null;
		if (!(tileUrl.startsWith("https://") || tileUrl.startsWith("http://"))) {
			problem = "must be an http or https URL";
		}
		else if (!(tileUrl.contains("{z}") && tileUrl.contains("{x}") && tileUrl.contains("{y}"))) {
			problem = "must have the {z}, {x} and {y} placeholders of a tile URL template";
		}
		else if (tileUrl.chars().anyMatch((c) -> c <= ' ' || c == '"' || c == '\'' || c == ';' || c == ',')) {
			problem = "must not contain spaces, quotes, commas or semicolons";
		}
		else {
			try {
				URI uri = new URI(PLACEHOLDER.matcher(tileUrl).replaceAll("0"));
				if (uri.getHost() == null || uri.getRawUserInfo() != null) {
					problem = "must name a host (and no user)";
				}
			}
			catch (URISyntaxException ex) {
				problem = "is not a URL (" + ex.getReason() + ")";
			}
		}
		if (problem != null) {
			throw new IllegalStateException("noddfa.gateway.map.tile-url " + problem + ": " + tileUrl);
		}
	}

}
