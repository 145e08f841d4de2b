package dev.sagents.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The driver's end of a member JVM ({@link HordeMember}, {@link HazelcastMember}): launches it,
 * reads its replies and stops it — gracefully ({@code exit} or SIGTERM), by SIGKILL, or hung with
 * SIGSTOP.
 * {@link #close()} always leaves the JVM dead.
 */
final class MemberProcess implements AutoCloseable {

	private final String node;

	private final Process process;

	private final PrintStream commands;

	private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

	/** When the JVM ended ({@link System#nanoTime()}), noted by the JDK's process reaper as it happens. */
	private final CompletableFuture<Long> exited;

	private MemberProcess(String node, Process process) {
		this.node = node;
		this.process = process;
		this.exited = process.onExit().thenApply((ended) -> System.nanoTime());
		this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
		Thread reader = new Thread(this::readReplies, "replies of " + node);
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Starts {@code java <jvmOptions> -jar <this jar> <mode> <arguments>} with the java binary
	 * running this JVM; its stderr (its logging) goes to this JVM's stderr.
	 */
	static MemberProcess launch(String mode, String node, List<String> jvmOptions, List<String> arguments)
			throws IOException {
		String jar = System.getProperty("java.class.path");
		if (!jar.endsWith(".jar")) {
			throw new IllegalStateException("The horde benchmark launches members from its jar; run it with java -jar");
		}
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar, mode));
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		return new MemberProcess(node, process);
	}

	String node() {
		return this.node;
	}

	long pid() {
		return this.process.pid();
	}

	/**
	 * Waits for the member to be ready (a horde member: to run its supervisor); returns its common
	 * pool parallelism.
	 */
	int awaitReady(Duration timeout) throws InterruptedException {
		String[] ready = reply("ready", timeout).split(" ");
		return Integer.parseInt(ready[2]);
	}

	/** Asks for the used heap after GC; read the answer with {@link #awaitHeap}, so that members collect at once. */
	void requestHeap() {
		this.commands.println("heap");
	}

	long awaitHeap() throws InterruptedException {
		return Long.parseLong(reply("heap", Duration.ofSeconds(60)).split(" ")[1]);
	}

	/** Sends one command of the protocol, whose first word names it; read the answer with {@link #awaitAnswer}. */
	void send(String command) {
		this.commands.println(command);
	}

	/** The answer to the last command {@code kind} sent, without its first word. */
	String awaitAnswer(String kind, Duration timeout) throws InterruptedException {
		return reply(kind, timeout).substring(kind.length() + 1);
	}

	/** Asks the member to stop gracefully: it hands its agents over, then its JVM exits. */
	void exit() {
		this.commands.println("exit");
	}

	/** SIGTERM: the JVM runs its shutdown hooks, and Spring Boot's closes the context: a graceful stop. */
	void terminate() {
		this.process.destroy();
	}

	/** SIGKILL: a crash. */
	void kill() {
		this.process.destroyForcibly();
	}

	/** SIGSTOP: the JVM hangs with its connections open, as in a long pause. */
	void suspend() throws IOException, InterruptedException {
		new ProcessBuilder("kill", "-STOP", Long.toString(this.process.pid())).inheritIO().start().waitFor();
	}

	/** Waits for the JVM to end; {@code false} if it still runs after {@code timeout}. */
	boolean awaitExit(Duration timeout) throws InterruptedException {
		return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** When the JVM ended, in {@link System#nanoTime()} terms; call after {@link #awaitExit} said it did. */
	long exitNanos() {
		return this.exited.join();
	}

	/** Kills the JVM (SIGKILL ends a stopped process too) and waits for it to be gone. */
	@Override
	public void close() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/** Kills every JVM of {@code members}, in a shutdown hook too. */
	static void closeAll(List<MemberProcess> members) {
		for (MemberProcess member : members) {
			try {
				member.close();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * The next line that starts with {@code kind}; other lines are skipped, as agents in the
	 * member's JVM (a profiler, the flight recorder) may print to its stdout.
	 */
	private String reply(String kind, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		String reply;
		do {
			reply = this.replies.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		while (reply != null && !reply.startsWith(kind + " "));
		if (reply == null) {
			throw new IllegalStateException("Member " + this.node + " did not answer '" + kind + "' within " + timeout
					+ (this.process.isAlive() ? "" : " (its JVM ended)"));
		}
		return reply;
	}

	private void readReplies() {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				this.replies.add(line);
			}
		}
		catch (IOException ex) {
			// The member's JVM ended: whoever waits for a reply times out and says so.
		}
	}

}
