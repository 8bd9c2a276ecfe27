package cymru.noddfa.matcher.search;

/**
 * Hard filters, in the order they are applied; a provision counts under the first it
 * fails.
 */
public enum ExclusionReason {

	NOT_OPEN, NO_BED_FREE, TOO_FAR, AGE, SEX, NEED_NOT_MET, EXCLUDED_NEED, NOT_ADMITTING

}
