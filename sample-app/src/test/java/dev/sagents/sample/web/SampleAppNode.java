package dev.sagents.sample.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One sample-app JVM ({@code java -jar target/sample-app.jar}), configured by environment
 * variables only, as the README's recipes run it. Its output goes to {@code <name>.log} in the
 * directory it is given, for debugging a failed run.
 */
final class SampleAppNode implements AutoCloseable {

	/** What the failsafe plugin passes: the packaged application. */
	private static final String JAR_PROPERTY = "sample.jar";

	/** Small and quick to start: three of them share two cores with the build. */
	private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1",
			"-Djava.util.concurrent.ForkJoinPool.common.parallelism=2");

	/** Variable prefixes the application reads: none is inherited from the build's environment. */
	private static final List<String> APPLICATION_PREFIXES = List.of("SAGENTS_", "NOTES_", "SPRING_", "SERVER_",
			"MANAGEMENT_", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

	private final String name;

	private final int httpPort;

	private final Map<String, String> environment;

	private final Path logDirectory;

	private final Process process;

	private final ApiClient api;

	private SampleAppNode(String name, int httpPort, Map<String, String> environment, Path logDirectory,
			Process process) {
		this.name = name;
		this.httpPort = httpPort;
		this.environment = Map.copyOf(environment);
		this.logDirectory = logDirectory;
		this.process = process;
		this.api = new ApiClient(httpPort);
	}

	/**
	 * Launches the application with the same {@code java} as the build.
	 *
	 * @param name the node name ({@code SAGENTS_NODE_NAME})
	 * @param httpPort the HTTP port, on 127.0.0.1
	 * @param environment the other variables the node is configured with
	 * @param logDirectory where its output goes, appended to what a previous run of the node wrote
	 */
	static SampleAppNode launch(String name, int httpPort, Map<String, String> environment, Path logDirectory) {
		String jar = Objects.requireNonNull(System.getProperty(JAR_PROPERTY),
				"System property " + JAR_PROPERTY + " (the packaged sample app) is not set; run with ./mvnw verify");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(JVM_OPTIONS);
		command.addAll(List.of("-jar", jar));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logDirectory.resolve(name + ".log").toFile()));
		Map<String, String> env = builder.environment();
		env.keySet().removeIf((key) -> APPLICATION_PREFIXES.stream().anyMatch(key::startsWith));
		env.put("SERVER_ADDRESS", "127.0.0.1");
		env.put("SERVER_PORT", Integer.toString(httpPort));
		env.put("SAGENTS_NODE_NAME", name);
		env.putAll(environment);
		try {
			Files.createDirectories(logDirectory);
			return new SampleAppNode(name, httpPort, environment, logDirectory, builder.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot launch node " + name, ex);
		}
	}

	/** The same node launched again, with the same name, HTTP port and variables, once this one has exited. */
	SampleAppNode relaunch() {
		if (isAlive()) {
			throw new IllegalStateException("Node " + this.name + " still runs");
		}
		return launch(this.name, this.httpPort, this.environment, this.logDirectory);
	}

	String name() {
		return this.name;
	}

	ApiClient api() {
		return this.api;
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/** SIGKILL: the node dies at once, without stopping anything. */
	void kill() {
		this.process.destroyForcibly();
		awaitExit();
	}

	/** SIGSTOP: the node hangs, its connections open, as in a long pause or a frozen host. */
	void suspend() {
		signal("STOP");
	}

	/** SIGCONT: a suspended node runs again. */
	void resume() {
		signal("CONT");
	}

	private void signal(String signal) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(this.process.pid())).inheritIO().start();
			if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				throw new IllegalStateException("kill -" + signal + " of node " + this.name + " failed");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot signal node " + this.name, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while signalling node " + this.name, ex);
		}
	}

	/** SIGTERM: the node shuts down gracefully and hands its processes over first. */
	void terminate() {
		this.process.destroy();
		awaitExit();
	}

	private void awaitExit() {
		try {
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Node " + this.name + " did not exit within 60 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for node " + this.name + " to exit", ex);
		}
	}

	/** Kills the node if it still runs (even suspended), so no JVM outlives the test. */
	@Override
	public void close() {
		if (this.process.isAlive()) {
			kill();
		}
	}
}
