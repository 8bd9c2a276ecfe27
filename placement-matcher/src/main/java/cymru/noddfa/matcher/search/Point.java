package cymru.noddfa.matcher.search;

/**
 * A place on the map, in degrees (WGS 84): where a provision is, or the coarse point a
 * search was made from ({@link LocationGrid}).
 */
public record Point(double lat, double lon) {

}
