package cymru.noddfa.notifications.message;

/** The same short message in English and in Welsh. */
public record BilingualText(String en, String cy) {

}
