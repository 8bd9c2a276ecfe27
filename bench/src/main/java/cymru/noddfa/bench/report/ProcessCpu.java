package cymru.noddfa.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time of named processes, read from {@code /proc/<pid>/stat} before and after a
 * measured window. Each process counts its user and system time and that of its children
 * it has already reaped (cutime, cstime): a PostgreSQL backend that exits during the
 * window moves its time into the postmaster's, so a process and its descendants are
 * counted once each, whether they live or die meanwhile.
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

	/** Clock ticks by process name, now. */
	public Map<String, Long> sample() {
		Map<String, Long> ticks = new LinkedHashMap<>();
		for (Watched process : this.watched) {
			ticks.put(process.name(), ticksOf(process));
		}
		long[] machine = machineTicks();
		ticks.put(IDLE, machine[0]);
		ticks.put(STOLEN, machine[1]);
		return ticks;
	}

	/** What each process used between two samples. */
	public CpuUse between(Map<String, Long> before, Map<String, Long> after) {
		Map<String, Double> stack = new LinkedHashMap<>();
		Map<String, Double> apart = new LinkedHashMap<>();
		for (Watched process : this.watched) {
			long used = Math.max(0, after.getOrDefault(process.name(), 0L) - before.getOrDefault(process.name(), 0L));
			(process.stack() ? stack : apart).put(process.name(), used * 1000d / this.ticksPerSecond);
		}
		for (String machine : new String[] { IDLE, STOLEN }) {
			long used = Math.max(0, after.getOrDefault(machine, 0L) - before.getOrDefault(machine, 0L));
			apart.put(machine, used * 1000d / this.ticksPerSecond);
		}
		return new CpuUse(stack, apart);
	}

	private static long ticksOf(Watched process) {
		if (process.pid() <= 0) {
			return 0;
		}
		Stream<Long> pids = Stream.of(process.pid());
		if (process.withDescendants()) {
			pids = Stream.concat(pids,
					ProcessHandle.of(process.pid())
						.stream()
						.flatMap(ProcessHandle::descendants)
						.map(ProcessHandle::pid));
		}
		return pids.mapToLong(ProcessCpu::ticksOf).sum();
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
