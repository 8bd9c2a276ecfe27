package cymru.noddfa.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The command-line tools the checks run: this JDK's java, and kubectl. */
final class Tools {

	private Tools() {
	}

	/**
	 * The java of the JVM running the tests, so the checks use the JDK the build uses.
	 */
	static String java() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElseThrow(() -> new IllegalStateException("cannot tell which java runs this JVM"));
	}

	/**
	 * Runs a command to the end and gives its standard output; anything but exit 0 fails.
	 */
	static String run(Path dir, List<String> command) {
		try {
			// standard error goes to a file, so a chatty tool cannot block on a full pipe
			Path errors = Files.createTempFile("tool", ".err");
			Process process = new ProcessBuilder(command).directory(dir.toFile())
				.redirectError(errors.toFile())
				.start();
			process.getOutputStream().close();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not finish within 2 minutes");
			}
			String err = Files.readString(errors);
			Files.delete(errors);
			if (process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
						+ process.exitValue() + ":\n" + err + out);
			}
			return out;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not run " + String.join(" ", command), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The manifests a Kustomize directory produces, rendered by
	 * {@code kubectl kustomize}.
	 */
	static String kustomize(Path dir) {
		try {
			return run(ServiceModule.root(), List.of("kubectl", "kustomize", dir.toString()));
		}
		catch (UncheckedIOException ex) {
			throw new IllegalStateException("kubectl is needed to render " + dir + " and was not found on the PATH: "
					+ "install it (https://kubernetes.io/docs/tasks/tools/), it renders Kustomize overlays without "
					+ "a cluster", ex);
		}
	}

}
