package cymru.noddfa.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CPU time of named processes, read from {@code /proc/<pid>/stat} before and after a
 * measured window. Each process counts its user and system time and that of its children
 * it has already reaped (cutime, cstime): a PostgreSQL backend that exits during the
 * window moves its time into the postmaster's, so a process and its descendants are
 * counted once each, whether they live or die meanwhile.
 * <p>
 * A process counted with its descendants (PostgreSQL) is also told in parts, by the title
 * each descendant gives itself: the backends of each database, the autovacuum workers,
 * the WAL writer and the other background processes, and the postmaster with the
 * processes that ended during the window (whose time it has reaped).
 */
public final class ProcessCpu {

	/**
	 * Time the machine's cores ran nothing at all (idle and waiting for I/O), from
	 * {@code /proc/stat}, summed over the cores: reported apart from the stack.
	 */
	public static final String IDLE = "idle (machine)";

	/**
	 * Time the virtual machine's cores were ready to run but the host ran something else
	 * ({@code steal} in {@code /proc/stat}): CPU the window was meant to have and did
	 * not. A run that lost more of it has less to give its workloads.
	 */
	public static final String STOLEN = "stolen by the host (machine)";

	/** The root of a tree, with the time of its descendants that ended. */
	public static final String ROOT_PART = "postmaster, and processes that ended";

	/** {@code user database host(port) state}, or {@code [local]} for a socket. */
	private static final Pattern BACKEND = Pattern.compile("^\\S+ (\\S+) (?:\\S*\\(\\d+\\)|\\[local\\])");

	private final List<Watched> watched;

	private final long ticksPerSecond;

	public ProcessCpu(List<Watched> watched) {
		this.watched = List.copyOf(watched);
		this.ticksPerSecond = clockTicksPerSecond();
	}

	/**
	 * @param withDescendants count the process's whole tree (PostgreSQL's backends)
	 * @param stack part of the stack, or measured apart (the load generator)
	 */
	public record Watched(String name, long pid, boolean withDescendants, boolean stack) {
	}

	/**
	 * Clock ticks by process name, now, and of every descendant of a process counted with
	 * them.
	 */
	public Sample sample() {
		Map<String, Long> ticks = new LinkedHashMap<>();
		Map<String, Map<Long, Part>> trees = new LinkedHashMap<>();
		for (Watched process : this.watched) {
			if (process.withDescendants() && process.pid() > 0) {
				Map<Long, Part> tree = new HashMap<>();
				ProcessHandle.of(process.pid())
					.stream()
					.flatMap(ProcessHandle::descendants)
					.forEach((child) -> tree.put(child.pid(),
							new Part(partOf(titleOf(child.pid())), ticksOf(child.pid()))));
				long root = ticksOf(process.pid());
				ticks.put(process.name(), root + tree.values().stream().mapToLong(Part::ticks).sum());
				tree.put(process.pid(), new Part(ROOT_PART, root));
				trees.put(process.name(), tree);
			}
			else {
				ticks.put(process.name(), (process.pid() > 0) ? ticksOf(process.pid()) : 0);
			}
		}
		long[] machine = machineTicks();
		ticks.put(IDLE, machine[0]);
		ticks.put(STOLEN, machine[1]);
		return new Sample(ticks, trees);
	}

	/** One reading of every watched process. */
	public record Sample(Map<String, Long> ticks, Map<String, Map<Long, Part>> trees) {
	}

	/** One process of a tree: what it calls itself, and its clock ticks. */
	public record Part(String label, long ticks) {
	}

	/** What each process used between two samples. */
	public CpuUse between(Sample before, Sample after) {
		Map<String, Double> stack = new LinkedHashMap<>();
		Map<String, Double> apart = new LinkedHashMap<>();
		for (Watched process : this.watched) {
			long used = Math.max(0,
					after.ticks().getOrDefault(process.name(), 0L) - before.ticks().getOrDefault(process.name(), 0L));
			(process.stack() ? stack : apart).put(process.name(), millis(used));
		}
		for (String machine : new String[] { IDLE, STOLEN }) {
			long used = Math.max(0, after.ticks().getOrDefault(machine, 0L) - before.ticks().getOrDefault(machine, 0L));
			apart.put(machine, millis(used));
		}
		Map<String, Double> parts = new TreeMap<>();
		after.trees().forEach((name, tree) -> {
			Map<Long, Part> earlier = before.trees().getOrDefault(name, Map.of());
			// a process that ended is gone from the later reading, and its whole life's
			// time is in its parent's: what it had used by the earlier reading comes off
			// the root's part, so each tick of the window is counted once, under the part
			// that used it or, for a process that ended, under the root
			tree.forEach((pid, part) -> {
				long used = part.ticks() - ((earlier.containsKey(pid)) ? earlier.get(pid).ticks() : 0);
				parts.merge(name + " · " + part.label(), millis(used), Double::sum);
			});
			long ended = earlier.entrySet()
				.stream()
				.filter((e) -> !tree.containsKey(e.getKey()))
				.mapToLong((e) -> e.getValue().ticks())
				.sum();
			parts.merge(name + " · " + ROOT_PART, millis(-ended), Double::sum);
		});
		return new CpuUse(stack, apart, parts);
	}

	/**
	 * The part a PostgreSQL process belongs to, from the title it shows in place of its
	 * command line: {@code postgres: noddfa registry 127.0.0.1(40312) idle} is a backend
	 * of the database {@code registry}.
	 */
	static String partOf(String title) {
		String shown = title.replace('\0', ' ').trim();
		if (shown.startsWith("postgres: ")) {
			shown = shown.substring("postgres: ".length());
		}
		Matcher backend = BACKEND.matcher(shown);
		if (backend.find()) {
			return "database " + backend.group(1);
		}
		if (shown.startsWith("autovacuum worker")) {
			return "autovacuum workers";
		}
		return shown.isEmpty() ? "unnamed" : shown.split("\\s{2,}")[0];
	}

	private static String titleOf(long pid) {
		try {
			return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")));
		}
		catch (IOException ex) {
			return "";
		}
	}

	private double millis(long ticks) {
		return ticks * 1000d / this.ticksPerSecond;
	}

	private static long ticksOf(long pid) {
		try {
			return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
		}
		catch (IOException ex) {
			// gone since it was listed: its time is now its parent's
			return 0;
		}
	}

	/**
	 * utime + stime + cutime + cstime of one {@code /proc/<pid>/stat} line, in clock
	 * ticks. The command name in brackets may hold spaces and brackets itself, so the
	 * fields are counted from the last closing bracket: the state is field 3, utime 14.
	 */
	static long ticks(String statLine) {
		String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split(" +");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
				+ Long.parseLong(fields[14]);
	}

	/** Idle (with I/O wait) and stolen ticks of all cores, or zeros where unreadable. */
	private static long[] machineTicks() {
		try {
			return machineTicks(Files.readAllLines(Path.of("/proc/stat")).get(0));
		}
		catch (IOException | RuntimeException ex) {
			return new long[2];
		}
	}

	/**
	 * From the first {@code /proc/stat} line, {@code cpu user nice system idle iowait irq
	 * softirq steal ...}: idle + iowait, and steal.
	 */
	static long[] machineTicks(String cpuLine) {
		String[] fields = cpuLine.trim().split(" +");
		return new long[] { Long.parseLong(fields[4]) + Long.parseLong(fields[5]), Long.parseLong(fields[8]) };
	}

	private static long clockTicksPerSecond() {
		try {
			Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
			String answer = new String(getconf.getInputStream().readAllBytes()).trim();
			getconf.waitFor();
			return Long.parseLong(answer);
		}
		catch (IOException | NumberFormatException ex) {
			return 100;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 100;
		}
	}

}
