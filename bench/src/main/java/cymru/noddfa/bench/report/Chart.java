package cymru.noddfa.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

/**
 * Latency percentiles per workload and scale as grouped bars on a logarithmic millisecond
 * axis, drawn with Java2D.
 */
public final class Chart {

	static final int WIDTH = 1400;

	static final int HEIGHT = 700;

	private static final Color[] PERCENTILE_COLOURS = { new Color(0x9ecae1), new Color(0x4292c6), new Color(0x08519c),
			new Color(0xe6550d) };

	private static final String[] PERCENTILES = { "p50", "p95", "p99", "max" };

	private Chart() {
	}

	public static void write(List<ScaleRun> runs, Path png) {
		try {
			Files.createDirectories(png.toAbsolutePath().getParent());
			ImageIO.write(render(runs), "png", png.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static BufferedImage render(List<ScaleRun> runs) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, WIDTH, HEIGHT);
		Set<String> workloadNames = new LinkedHashSet<>();
		double highest = 1;
		for (ScaleRun run : runs) {
			for (Latencies latencies : run.latencies()) {
				if (latencies.count() > 0) {
					workloadNames.add(latencies.workload());
					highest = Math.max(highest, latencies.max());
				}
			}
		}
		List<String> workloads = new ArrayList<>(workloadNames);
		int left = 80;
		int right = WIDTH - 30;
		int top = 60;
		int bottom = HEIGHT - 170;
		double lowest = 0.1;
		double decades = Math.ceil(Math.log10(highest / lowest));
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
		g.drawString("Noddfa latency percentiles by workload and scale (ms, log scale)", left, 30);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		for (int d = 0; d <= decades; d++) {
			double value = lowest * Math.pow(10, d);
			int y = y(value, lowest, decades, top, bottom);
			g.setColor(new Color(0xdddddd));
			g.drawLine(left, y, right, y);
			g.setColor(Color.DARK_GRAY);
			g.drawString(label(value), 10, y + 4);
		}
		int groups = Math.max(1, workloads.size());
		double groupWidth = (right - left) / (double) groups;
		int clusters = Math.max(1, runs.size());
		double clusterWidth = groupWidth * 0.85 / clusters;
		double barWidth = clusterWidth * 0.8 / PERCENTILES.length;
		for (int w = 0; w < workloads.size(); w++) {
			double groupLeft = left + w * groupWidth + groupWidth * 0.075;
			for (int r = 0; r < runs.size(); r++) {
				Latencies latencies = runs.get(r).find(workloads.get(w));
				if (latencies == null || latencies.count() == 0) {
					continue;
				}
				double[] values = { latencies.p50(), latencies.p95(), latencies.p99(), latencies.max() };
				double clusterLeft = groupLeft + r * clusterWidth;
				for (int p = 0; p < values.length; p++) {
					int x = (int) (clusterLeft + p * barWidth);
					int y = y(Math.max(lowest, values[p]), lowest, decades, top, bottom);
					g.setColor(PERCENTILE_COLOURS[p]);
					g.fillRect(x, y, Math.max(1, (int) barWidth - 1), bottom - y);
				}
				g.setColor(Color.DARK_GRAY);
				g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
				g.drawString(runs.get(r).scale(), (int) clusterLeft, bottom + 14);
			}
			AffineTransform saved = g.getTransform();
			g.setColor(Color.BLACK);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
			g.translate(groupLeft + 4, bottom + 26);
			g.rotate(Math.toRadians(20));
			g.drawString(shorten(workloads.get(w)), 0, 0);
			g.setTransform(saved);
		}
		g.setColor(Color.BLACK);
		g.setStroke(new BasicStroke(1.5f));
		g.drawLine(left, bottom, right, bottom);
		g.drawLine(left, top, left, bottom);
		for (int p = 0; p < PERCENTILES.length; p++) {
			g.setColor(PERCENTILE_COLOURS[p]);
			g.fillRect(right - 300 + p * 75, 18, 14, 14);
			g.setColor(Color.BLACK);
			g.drawString(PERCENTILES[p], right - 282 + p * 75, 30);
		}
		g.dispose();
		return image;
	}

	private static int y(double value, double lowest, double decades, int top, int bottom) {
		double fraction = Math.log10(value / lowest) / decades;
		return (int) (bottom - fraction * (bottom - top));
	}

	private static String label(double ms) {
		return (ms < 1) ? String.format("%.1f ms", ms) : String.format("%.0f ms", ms);
	}

	private static String shorten(String workload) {
		int paren = workload.indexOf(" (update");
		return (paren > 0) ? workload.substring(0, paren)
				: (workload.length() > 34) ? workload.substring(0, 34) : workload;
	}

}
