package dev.sagents.autoconfigure;

import java.time.Duration;

import dev.sagents.cluster.MembersMode;
import dev.sagents.cluster.RebalanceMode;

import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * Horde mode, which nodes are members and how they are grouped: {@code sagents.horde.*}. The
 * member settings ({@code cluster-name}, {@code network.*}, {@code failure-detection.*}) apply to
 * the Hazelcast member sagents starts itself; they are {@code null} until set, so that a
 * {@code sagents.horde.config} resource keeps its own values for every setting not set
 * explicitly (see {@code HordeMemberConfigFactory}).
 */
public class HordeProperties {

	/**
	 * The cluster name of the member sagents starts when none is set and the application has
	 * no name; with one, the name is this, '-' and the application's name.
	 */
	public static final String DEFAULT_CLUSTER_NAME = "sagents";

	/**
	 * Which nodes are sagents members: 'auto' (every member of the application's Hazelcast
	 * cluster) or 'participation' (only nodes running the sagents supervisor). With 'auto' the
	 * application's HazelcastInstance must be a member: a Hazelcast client is refused at
	 * startup, as it has no member for sagents to run on.
	 */
	private MembersMode members = MembersMode.AUTO;

	/**
	 * With 'participation' only: nodes form a sagents cluster only with nodes of the same
	 * partition. Letters, digits, '.', '_' and '-', at most 64. Read once at startup.
	 */
	private String partition;

	/**
	 * Cluster name of the Hazelcast member sagents starts itself (with 'participation', or
	 * with 'auto' when the application has no HazelcastInstance). With a partition the
	 * effective name is '<cluster-name>-<partition>', so partitions never join each other.
	 * Letters, digits, '.', '_' and '-', at most 64. Defaults to 'sagents-' and the
	 * application's name (spring.application.name, else the package of its
	 * {@code @SpringBootApplication} class), so that different applications never join each other,
	 * or 'sagents' without either; to the cluster name of sagents.horde.config when that names
	 * one (other than Hazelcast's default 'dev').
	 */
	private String clusterName;

	/**
	 * Hazelcast XML or YAML configuration of the member sagents starts, as an escape hatch for
	 * what the properties do not cover. It is the base: the sagents.horde.cluster-name,
	 * network and failure-detection properties are applied on top only where set explicitly.
	 */
	private Resource config;

	/** How long a request between members (a remote start, a stop, a lookup) may take. */
	private Duration requestTimeout = Duration.ofSeconds(10);

	/**
	 * How long the member sets may disagree, or differ from the live nodes, before the health
	 * contributor reports DOWN. Membership changes settle within it; '0' reports at once.
	 */
	private Duration healthGrace = Duration.ofSeconds(15);

	/**
	 * How long a connection of the Hazelcast member to an address outside the cluster may stay
	 * without any answer before sagents closes it. Hazelcast (5.5 to 5.7) spins an I/O thread on
	 * such a connection, as when it looks for a cluster to merge with at the address of a hung
	 * member it removed: the spin burns a core and starves that thread's other connections,
	 * whose missed heartbeats can split healthy members. Applies to the application's
	 * HazelcastInstance too; '0' leaves such connections to Hazelcast.
	 */
	private Duration silentConnectionTimeout = Duration.ofSeconds(1);

	/**
	 * How large a message or reply between members may be once encoded. A larger one is refused
	 * with MessageTooLargeException: by the sender, before it is sent, and by the receiver,
	 * should one arrive from a member with a higher limit. Bounds what one message can take of
	 * the heap and of the connection between members.
	 */
	private DataSize maxMessageSize = DataSize.ofMegabytes(1);

	/**
	 * What the members do when a member joins: 'passive' (nothing moves: a member that joins
	 * gets only the processes started or restarted from then on, so after a rolling restart the
	 * node restarted first hosts most of them) or 'active' (the agents whose owner under
	 * placement is now the member that joined move to it, with their state, in batches, by the
	 * graceful handoff: no call fails, no message is lost). Active needs storage every node
	 * reaches, as any handoff does.
	 */
	private RebalanceMode rebalance = RebalanceMode.PASSIVE;

	/** With rebalance 'active': how many agents at most one member moves in one batch. */
	private int rebalanceBatchSize = 250;

	/**
	 * With rebalance 'active': the pause between two batches of a member, so that the calls and
	 * starts of its other agents go on meanwhile; '0' sends the batches back to back.
	 */
	private Duration rebalanceInterval = Duration.ofMillis(20);

	/**
	 * How the member sagents starts finds the others: 'tcp' (the listed
	 * sagents.horde.network.join-members), 'multicast' (sagents.horde.multicast.*: every member
	 * of the cluster name the multicast group reaches) or 'kubernetes' (Hazelcast's Kubernetes
	 * discovery, sagents.horde.kubernetes.*). One way only; cloud auto-detection stays off.
	 * Defaults to 'tcp'; with sagents.horde.config, to that resource's join configuration.
	 * With members=auto on the application's HazelcastInstance, that instance's own join
	 * configuration applies, and only 'tcp' is accepted here.
	 */
	private Discovery discovery;

	/** Network of the member sagents starts. */
	@NestedConfigurationProperty
	private final NetworkProperties network = new NetworkProperties();

	/** With discovery 'multicast': the multicast group. */
	@NestedConfigurationProperty
	private final MulticastDiscoveryProperties multicast = new MulticastDiscoveryProperties();

	/** With discovery 'kubernetes': how the other pods are found. */
	@NestedConfigurationProperty
	private final KubernetesDiscoveryProperties kubernetes = new KubernetesDiscoveryProperties();

	/** How fast the member sagents starts notices a crashed or hung member. */
	@NestedConfigurationProperty
	private final FailureDetectionProperties failureDetection = new FailureDetectionProperties();

	/** Which nodes are sagents members. */
	public MembersMode getMembers() {
		return this.members;
	}

	/** Sets which nodes are sagents members. */
	public void setMembers(MembersMode members) {
		this.members = members;
	}

	/** The partition, or {@code null} for none. */
	public String getPartition() {
		return this.partition;
	}

	/** Sets the partition. */
	public void setPartition(String partition) {
		this.partition = partition;
	}

	/** The cluster name, or {@code null} when not set. */
	public String getClusterName() {
		return this.clusterName;
	}

	/** Sets the cluster name. */
	public void setClusterName(String clusterName) {
		this.clusterName = clusterName;
	}

	/** The Hazelcast configuration resource, or {@code null} for none. */
	public Resource getConfig() {
		return this.config;
	}

	/** Sets the Hazelcast configuration resource. */
	public void setConfig(Resource config) {
		this.config = config;
	}

	/** The timeout of requests between members. */
	public Duration getRequestTimeout() {
		return this.requestTimeout;
	}

	/** Sets the timeout of requests between members. */
	public void setRequestTimeout(Duration requestTimeout) {
		this.requestTimeout = requestTimeout;
	}

	/** How long the member sets may disagree before the node is reported DOWN. */
	public Duration getHealthGrace() {
		return this.healthGrace;
	}

	/** Sets how long the member sets may disagree before the node is reported DOWN. */
	public void setHealthGrace(Duration healthGrace) {
		this.healthGrace = healthGrace;
	}

	/** How long a connection outside the cluster may stay silent before it is closed. */
	public Duration getSilentConnectionTimeout() {
		return this.silentConnectionTimeout;
	}

	/** Sets how long a connection outside the cluster may stay silent before it is closed. */
	public void setSilentConnectionTimeout(Duration silentConnectionTimeout) {
		this.silentConnectionTimeout = silentConnectionTimeout;
	}

	/** The most bytes an encoded message or reply between members may have. */
	public DataSize getMaxMessageSize() {
		return this.maxMessageSize;
	}

	/** Sets the most bytes an encoded message or reply between members may have. */
	public void setMaxMessageSize(DataSize maxMessageSize) {
		this.maxMessageSize = maxMessageSize;
	}

	/** What the members do when a member joins. */
	public RebalanceMode getRebalance() {
		return this.rebalance;
	}

	/** Sets what the members do when a member joins. */
	public void setRebalance(RebalanceMode rebalance) {
		this.rebalance = rebalance;
	}

	/** How many agents at most a member moves in one batch. */
	public int getRebalanceBatchSize() {
		return this.rebalanceBatchSize;
	}

	/** Sets how many agents at most a member moves in one batch. */
	public void setRebalanceBatchSize(int rebalanceBatchSize) {
		this.rebalanceBatchSize = rebalanceBatchSize;
	}

	/** The pause between two batches of a member. */
	public Duration getRebalanceInterval() {
		return this.rebalanceInterval;
	}

	/** Sets the pause between two batches of a member. */
	public void setRebalanceInterval(Duration rebalanceInterval) {
		this.rebalanceInterval = rebalanceInterval;
	}

	/** How the member finds the others, or {@code null} when not set. */
	public Discovery getDiscovery() {
		return this.discovery;
	}

	/** Sets how the member finds the others. */
	public void setDiscovery(Discovery discovery) {
		this.discovery = discovery;
	}

	/** The network settings. */
	public NetworkProperties getNetwork() {
		return this.network;
	}

	/** The multicast discovery settings. */
	public MulticastDiscoveryProperties getMulticast() {
		return this.multicast;
	}

	/** The Kubernetes discovery settings. */
	public KubernetesDiscoveryProperties getKubernetes() {
		return this.kubernetes;
	}

	/** The failure-detection settings. */
	public FailureDetectionProperties getFailureDetection() {
		return this.failureDetection;
	}

	/** How the member sagents starts finds the other members. */
	public enum Discovery {

		/** A TCP/IP member list, {@code sagents.horde.network.join-members}. */
		TCP,

		/** UDP multicast, {@code sagents.horde.multicast.*}. */
		MULTICAST,

		/** Hazelcast's Kubernetes discovery, {@code sagents.horde.kubernetes.*}. */
		KUBERNETES

	}

}
