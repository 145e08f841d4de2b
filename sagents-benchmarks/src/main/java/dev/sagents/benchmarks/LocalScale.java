package dev.sagents.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ConfigurableApplicationContext;

import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentsSupervisor;

/**
 * The {@code scale-local} mode: idle agents in one local-mode JVM, at each of several counts (by
 * default 10,000, 100,000 and 1,000,000), one after the other in one application: starts per second
 * from one thread and the heap each idle agent holds, each beside its floor measured in the same
 * run, a {@link ConcurrentHashMap} that maps as many ids to a small record (what any registry of
 * named processes pays at least); then how each cost grows from one count to the next.
 */
final class LocalScale {

	/** What the floor maps each id to: about what an agent's entry in a registry holds. */
	private record FloorEntry(String id, Object process, long startedAt) {
	}

	private final List<Integer> counts;

	private final PrintStream out = BenchmarkApplication.reserveStdout();

	LocalScale(List<Integer> counts) {
		this.counts = counts;
	}

	void run() throws Exception {
		try (ConfigurableApplicationContext context = BenchmarkApplication.start("--sagents.node-name=scale")) {
			AgentsSupervisor supervisor = context.getBean(AgentsSupervisor.class);
			this.out.printf("scale-local: java %s, %d cores, max heap %d MiB (1,000,000 agents need about -Xmx1g)%n",
					Runtime.version(), Runtime.getRuntime().availableProcessors(),
					Runtime.getRuntime().maxMemory() / 1048576);
			warmUp(supervisor);
			List<Row> rows = new ArrayList<>();
			for (int count : this.counts) {
				rows.add(measure(supervisor, count));
			}
			printGrowth(rows);
		}
	}

	private static void warmUp(AgentsSupervisor supervisor) {
		for (int i = 0; i < 50_000; i++) {
			supervisor.startAgent(AgentSpec.of("warmup-" + i));
		}
		for (int i = 0; i < 50_000; i++) {
			supervisor.stopAgent("warmup-" + i);
		}
		Map<String, FloorEntry> floor = new ConcurrentHashMap<>();
		for (int i = 0; i < 200_000; i++) {
			String id = "warmup-" + i;
			floor.putIfAbsent(id, new FloorEntry(id, new Object(), System.nanoTime()));
		}
	}

	private Row measure(AgentsSupervisor supervisor, int count) throws InterruptedException {
		long heapBefore = Measurements.usedHeapAfterGc();
		long started = System.nanoTime();
		for (int i = 0; i < count; i++) {
			supervisor.startAgent(AgentSpec.of("agent-" + i));
		}
		long startNanos = System.nanoTime() - started;
		long agentBytes = (Measurements.usedHeapAfterGc() - heapBefore) / count;
		int running = supervisor.countAgents();
		for (int i = 0; i < count; i++) {
			supervisor.stopAgent("agent-" + i);
		}

		heapBefore = Measurements.usedHeapAfterGc();
		Map<String, FloorEntry> floor = new ConcurrentHashMap<>();
		started = System.nanoTime();
		for (int i = 0; i < count; i++) {
			String id = "agent-" + i;
			floor.putIfAbsent(id, new FloorEntry(id, new Object(), System.nanoTime()));
		}
		long floorNanos = System.nanoTime() - started;
		long floorBytes = (Measurements.usedHeapAfterGc() - heapBefore) / count;
		if (floor.size() != count) {
			throw new IllegalStateException("The floor's map holds " + floor.size() + " of " + count);
		}

		Row row = new Row(count, count / (startNanos / 1e9), count / (floorNanos / 1e9), agentBytes, floorBytes);
		this.out.printf("%,9d idle agents (%,d running): starts %,.0f /s, %.2f× the map's %,.0f /s; heap %,d B an "
				+ "agent (%.1f MiB in all), %.1f× the map's %,d B  [targets at 1,000,000: starts ≥ 300,000 /s, heap ≤ 400 MB]%n",
				count, running, row.startsPerSecond(), row.startsPerSecond() / row.floorPerSecond(),
				row.floorPerSecond(), row.bytes(), row.bytes() * (double) count / 1048576,
				(double) row.bytes() / row.floorBytes(), row.floorBytes());
		return row;
	}

	/** How each cost grew from one count to the next: 1.00× a step is linear growth per agent. */
	private void printGrowth(List<Row> rows) {
		for (int i = 1; i < rows.size(); i++) {
			Row from = rows.get(i - 1);
			Row to = rows.get(i);
			this.out.printf("from %,d to %,d agents: heap per agent %.2f× (map %.2f×), time per start %.2f× (map "
					+ "%.2f×); 1.00× is linear growth%n", from.count(), to.count(), (double) to.bytes() / from.bytes(),
					(double) to.floorBytes() / from.floorBytes(), from.startsPerSecond() / to.startsPerSecond(),
					from.floorPerSecond() / to.floorPerSecond());
		}
	}

	private record Row(int count, double startsPerSecond, double floorPerSecond, long bytes, long floorBytes) {
	}

}
