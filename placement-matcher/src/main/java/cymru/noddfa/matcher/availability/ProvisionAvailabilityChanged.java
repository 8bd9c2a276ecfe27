package cymru.noddfa.matcher.availability;

/** A provision's state or free beds changed; waiting referrals may now fit. */
public record ProvisionAvailabilityChanged(String provisionId) {
}
