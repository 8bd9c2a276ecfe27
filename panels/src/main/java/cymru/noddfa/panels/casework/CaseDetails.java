package cymru.noddfa.panels.casework;

import java.util.List;

/**
 * A case as its panel reads it: the queue's summary, the team's pseudonymous reference
 * (for talking to the team; never exported), and the whole timeline.
 */
public record CaseDetails(CaseSummary summary, String reference, List<TimelineEntry> timeline) {

}
