package dev.sagents.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentsSupervisor;

/**
 * The agents a cluster benchmark started from the driver, by id: started and stopped by
 * {@value #CALLERS} callers at once, as a web tier does.
 */
final class BenchmarkAgents {

	/** Callers starting or stopping agents at once from the driver. */
	static final int CALLERS = 32;

	private final AgentsSupervisor supervisor;

	private final Map<String, AgentRef> refs = new ConcurrentHashMap<>();

	BenchmarkAgents(AgentsSupervisor supervisor) {
		this.supervisor = supervisor;
	}

	/** Starts {@code count} agents named {@code prefix<n>} and returns how long it took, in nanoseconds. */
	long start(String prefix, int count) throws InterruptedException {
		long start = System.nanoTime();
		inParallel(IntStream.range(0, count).mapToObj((i) -> prefix + i).toList(), (id) -> {
			AgentRef ref = this.supervisor.startAgent(AgentSpec.of(id)).ref();
			this.refs.put(ref.id(), ref);
		});
		return System.nanoTime() - start;
	}

	/** Stops every agent started and forgets them; returns how many. */
	int stopAll() throws InterruptedException {
		List<String> running = List.copyOf(this.refs.keySet());
		inParallel(running, this.supervisor::stopAgent);
		this.refs.clear();
		return running.size();
	}

	/** The ref of agent {@code id}, as its start returned it. */
	AgentRef get(String id) {
		return this.refs.get(id);
	}

	int size() {
		return this.refs.size();
	}

	/** Every agent started, in no particular order. */
	List<AgentRef> all() {
		return List.copyOf(this.refs.values());
	}

	/** The agents another member than the driver hosted when they started. */
	List<AgentRef> remote() {
		return this.refs.values().stream().filter((ref) -> !ref.node().equals(HordeCluster.DRIVER)).toList();
	}

	/** The agents the driver hosted when they started. */
	List<AgentRef> local() {
		return this.refs.values().stream().filter((ref) -> ref.node().equals(HordeCluster.DRIVER)).toList();
	}

	/** Runs {@code task} for each of {@code ids}, {@link #CALLERS} at a time, and waits until all ran. */
	static void inParallel(List<String> ids, Consumer<String> task) throws InterruptedException {
		ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
		try {
			ids.forEach((id) -> callers.execute(() -> task.accept(id)));
		}
		finally {
			callers.shutdown();
			callers.awaitTermination(10, TimeUnit.MINUTES);
		}
	}

}
