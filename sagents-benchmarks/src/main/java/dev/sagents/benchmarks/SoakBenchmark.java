package dev.sagents.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.local.LocalProcessRuntime;
import dev.sagents.process.MailboxFullException;

/**
 * Overload in local mode, auto-configured with the starter's defaults (mailboxes of 10,000
 * messages): casts offered at ten times the rate the agents handle them, for a while, to one agent
 * and to 1,000, while another agent is called and the sagents health probed. Prints what was
 * offered, accepted (queued), handled and refused; the live heap after GC under the overload beside
 * the idle heap; and the other agent's call p99 under the overload beside its idle p99. Every
 * accepted cast must be handled, and the heap is bounded by the mailboxes' capacity.
 */
final class SoakBenchmark {

	private static final int OVERLOAD = 10;

	private static final int SENDERS = 2;

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** How long the handled rate is measured for, saturated, before the overload. */
	private static final Duration SATURATION = Duration.ofSeconds(5);

	/** How long the idle call round trips and heap are measured for. */
	private static final Duration IDLE = Duration.ofSeconds(5);

	/** The pause between two probes of the other agent, and between two health probes. */
	private static final long PROBE_PAUSE_NANOS = 1_000_000;

	private static final long HEALTH_PAUSE_NANOS = 100_000_000;

	private final Duration duration;

	SoakBenchmark(Duration duration) {
		this.duration = duration;
	}

	void run() throws Exception {
		try (ConfigurableApplicationContext context = BenchmarkApplication.start("--sagents.node-name=soak",
				"--sagents.agents.inactivity-timeout=0")) {
			AgentsSupervisor supervisor = context.getBean(AgentsSupervisor.class);
			int capacity = context.getBean(LocalProcessRuntime.class).mailboxCapacity();
			System.out.printf("soak: %d× overload for %d s, mailbox capacity %,d, java %s, %d cores, max heap %d MiB%n",
					OVERLOAD, this.duration.toSeconds(), capacity, Runtime.version(),
					Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1048576);
			Probes probes = new Probes(context.getBean("sagentsHealthIndicator", HealthIndicator.class),
					context.getBean(MeterRegistry.class));
			soak(supervisor, probes, 1, capacity);
			soak(supervisor, probes, 1_000, capacity);
		}
	}

	private void soak(AgentsSupervisor supervisor, Probes probes, int count, int capacity) throws Exception {
		List<AgentRef> targets = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			targets.add(supervisor.startAgent(AgentSpec.of("soak-" + count + "-" + i)).ref());
		}
		AgentRef other = supervisor.startAgent(AgentSpec.of("other-" + count)).ref();
		String label = String.format("%,d agent%s", count, (count == 1) ? "" : "s");

		long idleHeap = Measurements.usedHeapAfterGc();
		Probes.Sample idle = probes.during(other, () -> pause(IDLE));

		// The rate the agents handle messages at, kept busy with a few messages queued each.
		long workedBefore = Counter.WORKED.sum();
		Load saturation = new Load(targets, Long.MAX_VALUE, Math.max(2_000, count * 20L));
		saturation.runFor(SATURATION, () -> {
		});
		double handledPerSecond = (Counter.WORKED.sum() - workedBefore) / (SATURATION.toNanos() / 1e9);
		awaitWorked(workedBefore + saturation.accepted.sum());

		double refusalsBefore = probes.refusals();
		long worked = Counter.WORKED.sum();
		Load overload = new Load(targets, (long) (handledPerSecond * OVERLOAD), Long.MAX_VALUE);
		long[] loadedHeap = new long[1];
		Probes.Sample loaded = probes.during(other, () -> overload.runFor(this.duration, () -> {
			// Three quarters through, the mailboxes long full, while the senders go on.
			Thread.sleep(this.duration.toMillis() * 3 / 4);
			loadedHeap[0] = Measurements.usedHeapAfterGc();
		}));
		long offered = overload.offered.sum();
		long accepted = overload.accepted.sum();
		long refused = overload.refused.sum();
		long drainStart = System.nanoTime();
		long handled = awaitWorked(worked + accepted) - worked;
		long drainMillis = (System.nanoTime() - drainStart) / 1_000_000;

		double seconds = this.duration.toNanos() / 1e9;
		System.out.printf("%s: handled rate saturated %,.0f /s; offered %,d (%,.0f /s, %.1f× the handled rate), "
				+ "accepted %,d, handled %,d (%s), refused %,d (meter: %,.0f)%n", label, handledPerSecond, offered,
				offered / seconds, offered / seconds / handledPerSecond, accepted, handled,
				(handled == accepted) ? "all accepted" : "MISSING " + (accepted - handled), refused,
				probes.refusals() - refusalsBefore);
		System.out.printf("%s: live heap after GC under overload %,.1f MiB beside idle %,.1f MiB: +%,.1f MiB "
				+ "(bound: %,d mailbox%s × %,d messages); drained in %,d ms%n", label, loadedHeap[0] / 1048576.0,
				idleHeap / 1048576.0, (loadedHeap[0] - idleHeap) / 1048576.0, count, (count == 1) ? "" : "es", capacity,
				drainMillis);
		System.out.printf("%s: other agent's call under overload %s beside idle %s: p99 %.2f× idle; "
				+ "%,d calls, %d failed%n", label, Measurements.p50p99(loaded.roundTrips()),
				Measurements.p50p99(idle.roundTrips()), Measurements.percentileMicros(loaded.roundTrips(), 99)
						/ Measurements.percentileMicros(idle.roundTrips(), 99),
				loaded.roundTrips().length, loaded.failedCalls());
		System.out.printf("%s: health under overload: %d probes, %d UP, slowest %.1f ms (idle: slowest %.1f ms)%n",
				label, loaded.healthProbes(), loaded.healthUp(), loaded.slowestHealthNanos() / 1e6,
				idle.slowestHealthNanos() / 1e6);
		for (AgentRef target : targets) {
			supervisor.stopAgent(target.id());
		}
		supervisor.stopAgent(other.id());
	}

	/** Waits until the agents handled {@code expected} work messages since this JVM started; returns how many they did. */
	private static long awaitWorked(long expected) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (Counter.WORKED.sum() < expected && System.nanoTime() - deadline < 0) {
			Thread.sleep(10);
		}
		return Counter.WORKED.sum();
	}

	private static Thread started(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.start();
		return thread;
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Casts {@link Counter#WORK} round the targets from {@link #SENDERS} threads, at most at a rate. */
	private static final class Load {

		private final List<AgentRef> targets;

		private final long perSecond;

		/** How many accepted messages may wait unhandled before the senders pause. */
		private final long mostOutstanding;

		private final long workedBefore = Counter.WORKED.sum();

		final LongAdder offered = new LongAdder();

		final LongAdder accepted = new LongAdder();

		final LongAdder refused = new LongAdder();

		Load(List<AgentRef> targets, long perSecond, long mostOutstanding) {
			this.targets = targets;
			this.perSecond = perSecond;
			this.mostOutstanding = mostOutstanding;
		}

		/** Sends for {@code duration}, while this thread runs {@code meanwhile}. */
		void runFor(Duration duration, Probes.Work meanwhile) throws InterruptedException {
			long end = System.nanoTime() + duration.toNanos();
			List<Thread> senders = new ArrayList<>();
			for (int s = 0; s < SENDERS; s++) {
				int sender = s;
				senders.add(started("soak-sender-" + s, () -> send(sender, end)));
			}
			meanwhile.run();
			for (Thread sender : senders) {
				sender.join();
			}
		}

		/** Sends, in 1 ms slots, each slot's share of the rate; a slot missed is made up for. */
		private void send(int sender, long end) {
			double perSenderNanos = this.perSecond / (double) SENDERS / 1e9;
			long start = System.nanoTime();
			long sent = 0;
			int next = sender;
			long now;
			while ((now = System.nanoTime()) - end < 0) {
				long due = (this.perSecond == Long.MAX_VALUE) ? sent + 64 : (long) ((now - start) * perSenderNanos);
				if (sent >= due || (this.mostOutstanding != Long.MAX_VALUE
						&& this.accepted.sum() - (Counter.WORKED.sum() - this.workedBefore) > this.mostOutstanding)) {
					Thread.onSpinWait();
					continue;
				}
				for (; sent < due && System.nanoTime() - end < 0; sent++) {
					this.offered.increment();
					try {
						this.targets.get(next % this.targets.size()).cast(Counter.WORK);
						this.accepted.increment();
					}
					catch (MailboxFullException ex) {
						this.refused.increment();
					}
					next += SENDERS;
				}
			}
		}

	}

	/** Calls another agent and probes the health while something runs. */
	private static final class Probes {

		private final HealthIndicator health;

		private final MeterRegistry meters;

		Probes(HealthIndicator health, MeterRegistry meters) {
			this.health = health;
			this.meters = meters;
		}

		double refusals() {
			return this.meters.get("sagents.limit.refusals").tag("limit", "mailbox").tag("kind", "agent").counter()
				.count();
		}

		Sample during(AgentRef other, Work work) throws InterruptedException {
			AtomicBoolean done = new AtomicBoolean();
			List<Long> roundTrips = new ArrayList<>();
			LongAdder failedCalls = new LongAdder();
			long[] health = new long[3];
			Thread caller = started("soak-caller", () -> {
				while (!done.get()) {
					long start = System.nanoTime();
					try {
						other.callAndWait(Counter.GET, Long.class, TIMEOUT);
						roundTrips.add(System.nanoTime() - start);
					}
					catch (RuntimeException ex) {
						failedCalls.increment();
					}
					while (System.nanoTime() - start < PROBE_PAUSE_NANOS) {
						Thread.onSpinWait();
					}
				}
			});
			Thread prober = started("soak-health", () -> {
				while (!done.get()) {
					long start = System.nanoTime();
					boolean up = Status.UP.equals(this.health.health().getStatus());
					long took = System.nanoTime() - start;
					health[0]++;
					health[1] += up ? 1 : 0;
					health[2] = Math.max(health[2], took);
					pause(Duration.ofNanos(HEALTH_PAUSE_NANOS));
				}
			});
			try {
				work.run();
			}
			finally {
				done.set(true);
				caller.join();
				prober.join();
			}
			return new Sample(roundTrips.stream().mapToLong(Long::longValue).toArray(), failedCalls.sum(), health[0],
					health[1], health[2]);
		}

		/** What runs while the probes do. */
		@FunctionalInterface
		interface Work {

			void run() throws InterruptedException;

		}

		record Sample(long[] roundTrips, long failedCalls, long healthProbes, long healthUp, long slowestHealthNanos) {
		}

	}

}
