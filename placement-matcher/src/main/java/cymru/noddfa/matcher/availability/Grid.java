package cymru.noddfa.matcher.availability;

import java.util.Comparator;

/**
 * Cells of a quarter of a degree. A search walks rings of cells outward from the child's
 * cell; a member of ring {@code r} is at least {@link Walk#lowerBoundKm(int)} away, so
 * everything nearer than that bound is already seen and can be handed out in order.
 */
final class Grid {

	static final double CELL_DEG = 0.25;

	private static final double CELL_KM = Math.toRadians(CELL_DEG) * Geo.EARTH_KM;

	private static final int COLUMNS = (int) (360 / CELL_DEG) + 1;

	/** Ten per cent under the parallel's length covers the great circle's shortcut. */
	private static final double SLACK = 0.9;

	private Grid() {
	}

	static long cell(double lat, double lon) {
		return row(lat) * (long) COLUMNS + column(lon);
	}

	private static int row(double lat) {
		return (int) Math.floor((lat + 90) / CELL_DEG);
	}

	private static int column(double lon) {
		return (int) Math.floor((lon + 180) / CELL_DEG);
	}

	record Hit(int slot, double km, String provisionId) {

		static final Comparator<Hit> ORDER = Comparator.comparingDouble(Hit::km).thenComparing(Hit::provisionId);

	}

	/**
	 * The rings around one point, as far as a radius reaches; bounded in rows and rings.
	 */
	static final class Walk {

		private final int row;

		private final int column;

		private final int band;

		private final int rings;

		private final double stepKm;

		Walk(double lat, double lon, double radiusKm) {
			this.row = row(lat);
			this.column = column(lon);
			this.band = (int) Math.ceil(radiusKm / CELL_KM) + 1;
			double farthestLat = Math.min(89, Math.abs(lat) + (this.band + 1) * CELL_DEG);
			this.stepKm = SLACK * CELL_KM * Math.cos(Math.toRadians(farthestLat));
			this.rings = (int) Math.min(COLUMNS, Math.ceil(radiusKm / this.stepKm) + 2);
		}

		int rings() {
			return this.rings;
		}

		/** No member of ring {@code ring} is nearer than this. */
		double lowerBoundKm(int ring) {
			return Math.max(0, ring - 1) * this.stepKm;
		}

		long[] ring(int ring) {
			if (ring == 0) {
				return new long[] { key(this.row, this.column) };
			}
			long[] cells = new long[8 * ring];
			int n = 0;
			for (int dr = -ring; dr <= ring; dr++) {
				if (Math.abs(dr) > this.band) {
					continue;
				}
				if (Math.abs(dr) == ring) {
					for (int dc = -ring; dc <= ring; dc++) {
						cells[n++] = key(this.row + dr, this.column + dc);
					}
				}
				else {
					cells[n++] = key(this.row + dr, this.column - ring);
					cells[n++] = key(this.row + dr, this.column + ring);
				}
			}
			return java.util.Arrays.copyOf(cells, n);
		}

		private static long key(int row, int column) {
			return (column < 0 || column >= COLUMNS) ? -1 : row * (long) COLUMNS + column;
		}

	}

}
