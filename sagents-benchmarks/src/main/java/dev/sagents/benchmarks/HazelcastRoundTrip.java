package dev.sagents.benchmarks;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;

import dev.sagents.agent.AgentRef;

/**
 * Hazelcast's own remote call to a member, or to the member that hosts an agent: an
 * {@link InstanceName} task through Hazelcast's executor service, from the driver. The horde
 * benchmark times it in the same run as sagents' remote calls, as their yardstick; the hazelcast
 * benchmark times it alone.
 */
final class HazelcastRoundTrip {

	/**
	 * Sagents names the Hazelcast member it starts after its node: this, then the node name. The
	 * hazelcast benchmark names its members the same way.
	 */
	static final String INSTANCE_NAME_PREFIX = "sagents-";

	private final IExecutorService executor;

	private final Duration timeout;

	private final Map<String, Member> membersByNode = new HashMap<>();

	HazelcastRoundTrip(HazelcastInstance driver, Duration timeout) {
		this.executor = driver.getExecutorService("sagents-benchmark");
		this.timeout = timeout;
		for (Member member : driver.getCluster().getMembers()) {
			String instanceName = await(this.executor.submitToMember(new InstanceName(), member));
			this.membersByNode.put(instanceName.substring(INSTANCE_NAME_PREFIX.length()), member);
		}
	}

	/** Makes a round trip to the member hosting {@code agent} and waits for it. */
	void make(AgentRef agent) {
		make(member(agent));
	}

	/** Makes a round trip to {@code member} and waits for it. */
	void make(Member member) {
		await(this.executor.submitToMember(new InstanceName(), member));
	}

	/** Starts a round trip to the member hosting {@code agent}. */
	CompletionStage<String> submit(AgentRef agent) {
		return submit(member(agent));
	}

	/** Starts a round trip to {@code member}. */
	CompletionStage<String> submit(Member member) {
		// Hazelcast's executor futures are completion stages; their callbacks run on the common pool.
		return (CompletionStage<String>) this.executor.submitToMember(new InstanceName(), member);
	}

	private Member member(AgentRef agent) {
		Member member = this.membersByNode.get(agent.node());
		if (member == null) {
			throw new IllegalStateException("No Hazelcast member for node " + agent.node());
		}
		return member;
	}

	private String await(Future<String> roundTrip) {
		try {
			return roundTrip.get(this.timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Hazelcast's executor round trip failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
