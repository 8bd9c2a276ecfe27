package cymru.noddfa.bench.workload;

import java.time.Duration;
import java.util.List;

import cymru.noddfa.bench.generate.SearchMix.SearchCriteria;
import cymru.noddfa.bench.report.Latencies;

/** The search mix, open-loop, at the matcher itself or through the gateway. */
public final class Searches {

	private final Http http;

	private final Tokens tokens;

	public Searches(Http http, Tokens tokens) {
		this.http = http;
		this.tokens = tokens;
	}

	/**
	 * @param searchesUrl {@code …/v1/searches} at the matcher or
	 * {@code …/api/matching/v1/searches} at the gateway
	 */
	public Latencies run(String workload, String searchesUrl, List<SearchCriteria> mix, double perSecond,
			Duration duration) {
		Outcomes outcomes = new Outcomes();
		Latencies latencies = OpenLoop.run(workload, perSecond, duration, this.http.timeout(), (i) -> {
			SearchCriteria search = mix.get(i % mix.size());
			Http.Answer answer = this.http.get(searchesUrl + "?" + search.query(),
					this.tokens.crisisTeam(search.regionCode()));
			return outcomes.expect(answer, 200);
		}, "");
		return latencies.withNote("open loop, " + mix.size() + " distinct searches" + outcomes);
	}

	/**
	 * The search engine a matcher says answered, from its {@code Noddfa-Search-Engine}
	 * header; empty when it says none.
	 */
	public String engine(String searchesUrl, SearchCriteria search) {
		Http.Answer answer = this.http.get(searchesUrl + "?" + search.query(),
				this.tokens.crisisTeam(search.regionCode()));
		return answer.ok() ? answer.header(ENGINE_HEADER) : "";
	}

	/** The response header a matcher names its search engine in. */
	public static final String ENGINE_HEADER = "Noddfa-Search-Engine";

	/** How many candidates the mix finds, to show the searches are not empty. */
	public double meanCandidates(String searchesUrl, List<SearchCriteria> mix, int sample) {
		long total = 0;
		int asked = Math.min(sample, mix.size());
		for (int i = 0; i < asked; i++) {
			SearchCriteria search = mix.get(i);
			Http.Answer answer = this.http.get(searchesUrl + "?" + search.query(),
					this.tokens.crisisTeam(search.regionCode()));
			if (answer.ok()) {
				total += answer.json().path("candidates").size();
			}
		}
		return (asked == 0) ? 0 : (double) total / asked;
	}

}
