package dev.sagents.benchmarks;

import java.util.Arrays;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentsSupervisor;

/**
 * Starts from the driver, one caller at a time, of agents another node hosts, each in turn with
 * Hazelcast's own {@code putIfAbsent} of a fresh key from the driver's member: the registration a
 * start cannot do without, and so its floor on the machine at hand, measured in the same run.
 */
final class SingleCallerStarts {

	private final AgentsSupervisor supervisor;

	private final HazelcastInstance driver;

	SingleCallerStarts(AgentsSupervisor supervisor, HazelcastInstance driver) {
		this.supervisor = supervisor;
		this.driver = driver;
	}

	/**
	 * Starts {@code starts} agents {@code <prefix><n>} and puts as many keys, in turns; keeps the
	 * samples of the starts another node hosts, and of the puts made beside them; stops the agents.
	 */
	Result measure(String prefix, int starts) {
		IMap<String, String> floor = this.driver.getMap("sagents-benchmark-put-if-absent");
		long[] startNanos = new long[starts];
		long[] putNanos = new long[starts];
		int elsewhere = 0;
		for (int i = 0; i < starts; i++) {
			long begin = System.nanoTime();
			AgentRef ref = this.supervisor.startAgent(AgentSpec.of(prefix + i)).ref();
			long started = System.nanoTime() - begin;
			begin = System.nanoTime();
			floor.putIfAbsent(prefix + i, prefix);
			long put = System.nanoTime() - begin;
			if (!ref.node().equals(HordeCluster.DRIVER)) {
				startNanos[elsewhere] = started;
				putNanos[elsewhere] = put;
				elsewhere++;
			}
		}
		floor.destroy();
		for (int i = 0; i < starts; i++) {
			this.supervisor.stopAgent(prefix + i);
		}
		return new Result(Arrays.copyOf(startNanos, elsewhere), Arrays.copyOf(putNanos, elsewhere), starts);
	}

	/**
	 * @param starts the starts another node hosts, in nanoseconds
	 * @param puts the {@code putIfAbsent}s made beside them, in nanoseconds
	 * @param all how many starts were made
	 */
	record Result(long[] starts, long[] puts, int all) {

		static double perSecond(long[] samples) {
			return samples.length / (Arrays.stream(samples).sum() / 1e9);
		}

		/** Starts per second over {@code putIfAbsent}s per second: the share of the floor reached. */
		double ratio() {
			return perSecond(this.starts) / perSecond(this.puts);
		}

	}

}
