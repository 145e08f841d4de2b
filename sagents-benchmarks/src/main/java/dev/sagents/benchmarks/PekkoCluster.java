package dev.sagents.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Pekko's side of the horde-vs-pekko mode: three Pekko Cluster Sharding nodes ({@link PekkoNode})
 * on 127.0.0.1, the driver in this JVM (the seed node, so the oldest, which runs the shard
 * coordinator as a sagents driver runs a Hazelcast member) and two member JVMs
 * ({@link PekkoMember}), on free ports with an actor system name of its own. A start is the first
 * message to a fresh entity.
 */
final class PekkoCluster implements ComparedCluster {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** Ports for the driver, the two members and two replacements. */
	private static final int PORTS = 5;

	private static final int NODES_ASKED_AT_ONCE = 64;

	private final List<String> memberJvmOptions;

	private final String systemName = LoopbackPorts.clusterName("horde-vs-pekko");

	private final int firstPort = LoopbackPorts.block(PORTS);

	private final List<MemberProcess> launched = new ArrayList<>();

	private final List<MemberProcess> members = new ArrayList<>();

	private PekkoNode driver;

	PekkoCluster(List<String> memberJvmOptions) {
		this.memberJvmOptions = memberJvmOptions;
		Runtime.getRuntime().addShutdownHook(new Thread(() -> MemberProcess.closeAll(this.launched), "kill pekko members"));
	}

	@Override
	public void start() throws Exception {
		this.driver = PekkoNode.start(DRIVER, this.systemName, this.firstPort, this.firstPort);
		Await.until(this.driver::up, () -> "The Pekko driver did not come up");
		List<MemberProcess> first = List.of(launch(), launch());
		for (MemberProcess member : first) {
			member.awaitReady(Await.AT_MOST);
			this.members.add(member);
		}
		awaitCluster();
	}

	@Override
	public String firstAnswer(String id) {
		return where(id, TIMEOUT).toCompletableFuture().join();
	}

	@Override
	public CompletionStage<String> where(String id, Duration timeout) {
		return this.driver.where(id, timeout);
	}

	@Override
	public Map<String, String> nodes(List<String> ids) throws InterruptedException {
		Map<String, String> nodes = new ConcurrentHashMap<>();
		Semaphore outstanding = new Semaphore(NODES_ASKED_AT_ONCE);
		for (String id : ids) {
			outstanding.acquire();
			where(id, TIMEOUT).whenComplete((node, error) -> {
				if (node != null) {
					nodes.put(id, node);
				}
				outstanding.release();
			});
		}
		outstanding.acquire(NODES_ASKED_AT_ONCE);
		if (nodes.size() < ids.size()) {
			throw new IllegalStateException((ids.size() - nodes.size()) + " entities did not say where they run");
		}
		return nodes;
	}

	/** Nothing to wait for: a failover starts once the members are up, which {@link #replace} waited for. */
	@Override
	public void settle() {
	}

	@Override
	public List<MemberProcess> members() {
		return List.copyOf(this.members);
	}

	@Override
	public void remove(MemberProcess member) throws InterruptedException {
		member.close();
		this.members.remove(member);
	}

	@Override
	public void replace() throws Exception {
		MemberProcess member = launch();
		member.awaitReady(Await.AT_MOST);
		this.members.add(member);
		awaitCluster();
	}

	@Override
	public void close() {
		MemberProcess.closeAll(this.launched);
		if (this.driver != null) {
			this.driver.close();
		}
	}

	private MemberProcess launch() throws Exception {
		int index = this.launched.size() + 1;
		String node = "member-" + index;
		MemberProcess member = MemberProcess.launch("pekko-member", node, this.memberJvmOptions, List.of(node,
				this.systemName, Integer.toString(this.firstPort + index), Integer.toString(this.firstPort)));
		this.launched.add(member);
		return member;
	}

	/** Waits until the driver sees every member up, and no other. */
	private void awaitCluster() throws InterruptedException {
		Await.until(() -> this.driver.upMembers() == this.members.size() + 1
				&& this.driver.allMembers() == this.members.size() + 1,
				() -> "The Pekko cluster did not form: " + this.driver.upMembers() + " members up");
	}

}
