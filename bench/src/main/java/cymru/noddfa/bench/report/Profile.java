package cymru.noddfa.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Java Flight Recorder in a running service, started and dumped with {@code jcmd}, and
 * its CPU samples summarised: the hottest top frames, and the first Noddfa frame under
 * each sample (where our code spends or waits for the time).
 */
public final class Profile {

	private Profile() {
	}

	public static void start(long pid, String name) {
		jcmd(pid, "JFR.start", "name=" + name, "settings=profile");
	}

	public static Path stop(long pid, String name, Path file) {
		try {
			Files.createDirectories(file.getParent());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		jcmd(pid, "JFR.stop", "name=" + name, "filename=" + file.toAbsolutePath());
		return file;
	}

	/** CPU samples of a recording, grouped. */
	public static Summary summarise(String service, Path recording) {
		Map<String, Integer> top = new HashMap<>();
		Map<String, Integer> ours = new HashMap<>();
		Map<String, Integer> areas = new HashMap<>();
		int samples = 0;
		try (RecordingFile file = new RecordingFile(recording)) {
			while (file.hasMoreEvents()) {
				RecordedEvent event = file.readEvent();
				if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
					continue;
				}
				List<RecordedFrame> frames = event.getStackTrace().getFrames();
				if (frames.isEmpty()) {
					continue;
				}
				samples++;
				top.merge(frame(frames.get(0)), 1, Integer::sum);
				areas.merge(area(frames), 1, Integer::sum);
				frames.stream()
					.filter((frame) -> frame.getMethod().getType().getName().startsWith("cymru.noddfa"))
					.findFirst()
					.ifPresent((frame) -> ours.merge(frame(frame), 1, Integer::sum));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read " + recording, ex);
		}
		return new Summary(service, samples, first(top, 10), first(ours, 8), first(areas, 10));
	}

	/**
	 * The library a sample is in, judged by the deepest recognisable frame near the top.
	 */
	static String area(List<RecordedFrame> frames) {
		for (RecordedFrame frame : frames.subList(0, Math.min(frames.size(), 25))) {
			String type = frame.getMethod().getType().getName();
			for (String[] known : KNOWN) {
				if (type.startsWith(known[0])) {
					return known[1];
				}
			}
		}
		return "JDK / other";
	}

	private static final String[][] KNOWN = { { "io.lettuce", "Redis client (Lettuce)" },
			{ "org.postgresql", "PostgreSQL driver" }, { "com.zaxxer.hikari", "connection pool" },
			{ "org.apache.kafka", "Kafka client" }, { "tools.jackson", "JSON (Jackson)" },
			{ "com.fasterxml.jackson", "JSON (Jackson)" }, { "io.netty", "Netty (HTTP, Redis I/O)" },
			{ "reactor.", "Reactor" }, { "org.springframework.security", "Spring Security (JWT)" },
			{ "com.nimbusds", "JWT (Nimbus)" }, { "org.springframework.cloud.gateway", "Spring Cloud Gateway" },
			{ "org.apache.catalina", "Tomcat" }, { "org.apache.coyote", "Tomcat" }, { "org.apache.tomcat", "Tomcat" },
			{ "io.micrometer", "Micrometer" }, { "ch.qos.logback", "logging" }, { "org.springframework", "Spring" },
			{ "cymru.noddfa", "Noddfa code" } };

	private static String frame(RecordedFrame frame) {
		String type = frame.getMethod().getType().getName();
		return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
	}

	private static Map<String, Integer> first(Map<String, Integer> counts, int limit) {
		Map<String, Integer> sorted = new LinkedHashMap<>();
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
			.limit(limit)
			.forEach((entry) -> sorted.put(entry.getKey(), entry.getValue()));
		return sorted;
	}

	private static void jcmd(long pid, String... command) {
		Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
		Path jcmd = java.resolveSibling("jcmd");
		List<String> line = new java.util.ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
		line.addAll(List.of(command));
		try {
			Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + jcmd, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param topFrames sampled top frames and how often
	 * @param noddfaFrames the first Noddfa frame in each sample's stack, where there is
	 * one
	 * @param areas samples by library
	 */
	public record Summary(String service, int samples, Map<String, Integer> topFrames,
			Map<String, Integer> noddfaFrames, Map<String, Integer> areas) {
	}

}
