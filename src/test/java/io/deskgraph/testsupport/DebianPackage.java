package io.deskgraph.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Finds the executables of Debian packages the tests need as real parts (redis-server,
 * Chromium and its driver), installing the packages with {@code apt-get} once per JVM
 * when they are missing, and failing with what to install when that is impossible: such
 * tests never skip.
 *
 * @author DeskGraph
 */
public final class DebianPackage {

	private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(8);

	/** Outcome per package set, decided once per JVM. */
	private static final Map<List<String>, Installation> INSTALLATIONS = new ConcurrentHashMap<>();

	private DebianPackage() {
	}

	/**
	 * Finds the executables, installing the packages when any is missing.
	 * @param purpose which tests need them, for the failure message
	 * @param packages the Debian packages that provide the executables
	 * @param executables the executable names, found on the PATH or in {@code /usr/bin}
	 * @return the executables, in the order named
	 * @throws IllegalStateException when they are missing and could not be installed,
	 * saying what to install
	 */
	public static List<Path> require(String purpose, List<String> packages, String... executables) {
		Installation installation = INSTALLATIONS.computeIfAbsent(packages, (key) -> {
			List<Path> found = locateAll(executables);
			return (found != null) ? new Installation(found, null) : install(purpose, packages, executables);
		});
		if (installation.executables() == null) {
			throw new IllegalStateException(installation.failure());
		}
		return installation.executables();
	}

	/**
	 * Where an executable is: the first executable one on the PATH, else in Debian's
	 * {@code /usr/bin} (a PATH without {@code /usr/bin} is common in minimal
	 * environments).
	 * @param name the executable's name
	 * @param pathVariable the value of {@code PATH}, may be {@code null}
	 * @return the executable, or empty
	 */
	public static Optional<Path> locate(String name, String pathVariable) {
		List<Path> candidates = new ArrayList<>();
		if (pathVariable != null) {
			for (String entry : pathVariable.split(File.pathSeparator)) {
				if (!entry.isEmpty()) {
					candidates.add(Path.of(entry, name));
				}
			}
		}
		candidates.add(Path.of("/usr/bin", name));
		return candidates.stream().filter((path) -> Files.isRegularFile(path) && Files.isExecutable(path)).findFirst();
	}

	/**
	 * The commands that install packages: {@code apt-get} directly as root, through
	 * {@code sudo -n} otherwise (which fails at once rather than ask for a password);
	 * {@code env} carries {@code DEBIAN_FRONTEND} past sudo's reset of the environment.
	 * @param root whether this JVM runs as root
	 * @param aptArguments what to run {@code apt-get} with
	 * @return the command line
	 */
	public static List<String> aptCommand(boolean root, String... aptArguments) {
		List<String> command = new ArrayList<>();
		if (!root) {
			command.addAll(List.of("sudo", "-n"));
		}
		command.addAll(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get"));
		command.addAll(List.of(aptArguments));
		return command;
	}

	private static List<Path> locateAll(String... executables) {
		List<Path> found = new ArrayList<>();
		for (String executable : executables) {
			Optional<Path> path = locate(executable, System.getenv("PATH"));
			if (path.isEmpty()) {
				return null;
			}
			found.add(path.get());
		}
		return found;
	}

	/**
	 * Installs the packages: {@code apt-get install}, and when that fails (an empty or
	 * outdated package list) {@code apt-get update} and the install again.
	 */
	private static Installation install(String purpose, List<String> packages, String... executables) {
		boolean root = isRoot();
		List<String> installArguments = new ArrayList<>(List.of("install", "-y", "-qq"));
		installArguments.addAll(packages);
		List<String> install = aptCommand(root, installArguments.toArray(String[]::new));
		List<String> update = aptCommand(root, "update", "-qq");
		StringBuilder output = new StringBuilder();
		boolean done = run(install, output) || (run(update, output) && run(install, output));
		List<Path> found = locateAll(executables);
		if (done && found != null) {
			return new Installation(found, null);
		}
		return new Installation(null, String.join(", ", executables) + " (Debian " + String.join(", ", packages)
				+ ") are needed by " + purpose
				+ " (real parts, never skipped) and are not installed; installing them failed ("
				+ String.join(" ", install) + (root ? ", as root" : "")
				+ ", needs root or passwordless sudo and Debian's package archive). Install them (apt-get install "
				+ String.join(" ", packages) + ") so that they are on the PATH or in /usr/bin, then run the "
				+ "tests again. What the attempts said:\n" + lastLines(output.toString(), 20));
	}

	private static boolean isRoot() {
		StringBuilder output = new StringBuilder();
		return run(List.of("id", "-u"), output) && output.toString().trim().equals("0");
	}

	private static boolean run(List<String> command, StringBuilder output) {
		try {
			Path log = Files.createTempFile("deskgraph-apt-", ".log");
			try {
				ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(log.toFile())
					.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
				builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
				Process process = builder.start();
				boolean exited = process.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
				if (!exited) {
					process.destroyForcibly();
				}
				output.append(Files.readString(log, StandardCharsets.UTF_8));
				if (!exited) {
					output.append(String.join(" ", command))
						.append(": no answer within ")
						.append(INSTALL_TIMEOUT.toMinutes())
						.append(" minutes\n");
				}
				return exited && process.exitValue() == 0;
			}
			finally {
				Files.deleteIfExists(log);
			}
		}
		catch (IOException ex) {
			// sudo or apt-get missing: the message says what to install instead.
			output.append(String.join(" ", command)).append(": ").append(ex.getMessage()).append('\n');
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			output.append(String.join(" ", command)).append(": interrupted\n");
			return false;
		}
	}

	private static String lastLines(String text, int count) {
		List<String> lines = text.lines().toList();
		return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
	}

	/**
	 * The outcome of looking for, or installing, packages: the executables, or why there
	 * are none.
	 *
	 * @param executables the executables, {@code null} when there are none
	 * @param failure what to install, when there are no executables
	 */
	private record Installation(List<Path> executables, String failure) {
	}

}
