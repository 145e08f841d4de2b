package dev.sagents.autoconfigure;

import dev.sagents.cluster.DistributionMode;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration of sagents ({@code sagents.*}). Fields left {@code null} fall back to the default
 * their Javadoc names. The values are checked at startup, before any bean is created
 * ({@link SagentsSettingsCheck}); a bad one stops startup with a report that names the property,
 * the value and what is allowed.
 */
@ConfigurationProperties("sagents")
public class SagentsProperties {

	/**
	 * Where agents and file systems run: 'local' (this node only) or 'horde' (across a Hazelcast
	 * cluster, which needs Hazelcast and Jackson on the classpath: add
	 * dev.sagents:sagents-spring-boot-starter-horde).
	 */
	private DistributionMode distribution = DistributionMode.LOCAL;

	/**
	 * This node's name, shown by the actuator endpoint and recorded with each process; unique in
	 * the cluster. Defaults to the host name ('localhost' when it cannot be resolved); in horde
	 * mode to '<host>:<server.port>', or '<host>:<pid>' without a fixed server port, so that nodes
	 * on one host differ. Set it for names that stay the same across restarts.
	 */
	private String nodeName;

	/** The root supervisor, which makes this node host agents and file systems. */
	@NestedConfigurationProperty
	private final SupervisorProperties supervisor = new SupervisorProperties();

	/** Horde mode: which nodes are members and how they are grouped. */
	@NestedConfigurationProperty
	private final HordeProperties horde = new HordeProperties();

	/** Agents. */
	@NestedConfigurationProperty
	private final AgentsProperties agents = new AgentsProperties();

	/** File systems. */
	@NestedConfigurationProperty
	private final FileSystemProperties filesystem = new FileSystemProperties();

	/** The threads that run process handlers. */
	@NestedConfigurationProperty
	private final RuntimeProperties runtime = new RuntimeProperties();

	/** How values travel between members, and how this node checks the values agents take and give. */
	@NestedConfigurationProperty
	private final CodecProperties codec = new CodecProperties();

	/** Micrometer meters of the runtime. */
	@NestedConfigurationProperty
	private final MetricsProperties metrics = new MetricsProperties();

	/** Micrometer observations (and traces) of calls and casts. */
	@NestedConfigurationProperty
	private final ObservationProperties observations = new ObservationProperties();

	/** Where agents and file systems run. */
	public DistributionMode getDistribution() {
		return this.distribution;
	}

	/** Sets where agents and file systems run. */
	public void setDistribution(DistributionMode distribution) {
		this.distribution = distribution;
	}

	/** This node's name; {@code null} means the default described on the field. */
	public String getNodeName() {
		return this.nodeName;
	}

	/** Sets this node's name. */
	public void setNodeName(String nodeName) {
		this.nodeName = nodeName;
	}

	/** The root supervisor settings. */
	public SupervisorProperties getSupervisor() {
		return this.supervisor;
	}

	/** The horde-mode settings. */
	public HordeProperties getHorde() {
		return this.horde;
	}

	/** The agent settings. */
	public AgentsProperties getAgents() {
		return this.agents;
	}

	/** The file-system settings. */
	public FileSystemProperties getFilesystem() {
		return this.filesystem;
	}

	/** The handler thread settings. */
	public RuntimeProperties getRuntime() {
		return this.runtime;
	}

	/** The codec settings. */
	public CodecProperties getCodec() {
		return this.codec;
	}

	/** The metrics settings. */
	public MetricsProperties getMetrics() {
		return this.metrics;
	}

	/** The observation settings. */
	public ObservationProperties getObservations() {
		return this.observations;
	}

}
