package cymru.noddfa.registry.provision;

import java.util.List;

/** When a provision takes admissions: at any hour, or only within the windows. */
public record Admissions(boolean always, List<AdmissionWindow> windows) {

	static final int MAX_WINDOWS = 7;

	public static final Admissions ALWAYS = new Admissions(true, List.of());

	public Admissions {
		windows = List.copyOf(windows);
		if (always && !windows.isEmpty()) {
			throw new InvalidValue("admissions.windows", "windows-with-always");
		}
		if (!always && windows.isEmpty()) {
			throw new InvalidValue("admissions.windows", "windows-required");
		}
		if (windows.size() > MAX_WINDOWS) {
			throw new InvalidValue("admissions.windows", "too-many", MAX_WINDOWS);
		}
	}

	public static Admissions within(AdmissionWindow window) {
		return new Admissions(false, List.of(window));
	}

}
