package cymru.noddfa.bench.generate;

/**
 * A point provisions gather around, with the region and local authority the registry
 * files them under.
 */
public record Place(String name, String localAuthority, String regionCode, double lat, double lon) {
}
