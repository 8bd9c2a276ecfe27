package cymru.noddfa.matcher.search;

/** How many provisions were left out for one reason ({@code need} for need reasons). */
public record Exclusion(ExclusionReason reason, String need, int count) {

}
