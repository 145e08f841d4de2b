package dev.sagents.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;

import dev.sagents.agent.AgentSettings;
import dev.sagents.cluster.DistributionMode;
import dev.sagents.cluster.MembersMode;
import dev.sagents.filesystem.FileSystemSettings;
import dev.sagents.supervisor.RestartIntensity;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of sagents ({@code sagents.*}). Fields left {@code null} fall back to the default
 * their Javadoc names. The values are checked once bound; a bad one stops startup with a report
 * that names the property, the value and what is allowed.
 */
@ConfigurationProperties("sagents")
public class SagentsProperties implements InitializingBean {

	/**
	 * Where agents and file systems run: 'local' (this node only) or 'horde' (across a Hazelcast
	 * cluster, which needs com.hazelcast:hazelcast on the classpath).
	 */
	private DistributionMode distribution = DistributionMode.LOCAL;

	/**
	 * This node's name, shown by the actuator endpoint and recorded with each process. Defaults to
	 * the host name ('localhost' when the host name cannot be resolved).
	 */
	private String nodeName;

	/** The root supervisor, which makes this node host agents and file systems. */
	private final Supervisor supervisor = new Supervisor();

	/** Horde mode: which nodes are members and how they are grouped. */
	private final Horde horde = new Horde();

	/** Agents. */
	private final Agents agents = new Agents();

	/** File systems. */
	private final FileSystem filesystem = new FileSystem();

	/** The threads that run process handlers. */
	private final Runtime runtime = new Runtime();

	/** Where agents and file systems run. */
	public DistributionMode getDistribution() {
		return this.distribution;
	}

	/** Sets where agents and file systems run. */
	public void setDistribution(DistributionMode distribution) {
		this.distribution = distribution;
	}

	/** This node's name; {@code null} means the host name. */
	public String getNodeName() {
		return this.nodeName;
	}

	/** Sets this node's name. */
	public void setNodeName(String nodeName) {
		this.nodeName = nodeName;
	}

	/** The root supervisor settings. */
	public Supervisor getSupervisor() {
		return this.supervisor;
	}

	/** The horde-mode settings. */
	public Horde getHorde() {
		return this.horde;
	}

	/** The agent settings. */
	public Agents getAgents() {
		return this.agents;
	}

	/** The file-system settings. */
	public FileSystem getFilesystem() {
		return this.filesystem;
	}

	/** The handler thread settings. */
	public Runtime getRuntime() {
		return this.runtime;
	}

	/** Checks every value once bound; {@link InvalidSagentsPropertyException} names the first bad one. */
	@Override
	public void afterPropertiesSet() {
		SagentsPropertiesValidator.validate(this);
	}

	/** {@code sagents.supervisor.*}. */
	public static class Supervisor {

		/**
		 * Whether this node runs the sagents supervisor and so hosts agents and file systems. A node
		 * without it hosts nothing: its registry never starts and calls fail with
		 * RegistryUnavailableException. To host only under a profile or role, set it per profile, or
		 * set it to false and declare your own SagentsSupervisor bean with that condition.
		 */
		private boolean enabled = true;

		/** Whether this node hosts agents and file systems. */
		public boolean isEnabled() {
			return this.enabled;
		}

		/** Sets whether this node hosts agents and file systems. */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/** {@code sagents.horde.*}. */
	public static class Horde {

		/**
		 * Which nodes are sagents members: 'auto' (every member of the application's Hazelcast
		 * cluster) or 'participation' (only nodes running the sagents supervisor).
		 */
		private MembersMode members = MembersMode.AUTO;

		/**
		 * With 'participation' only: nodes form a sagents cluster only with nodes of the same
		 * partition. Read once at startup.
		 */
		private String partition;

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

	}

	/** {@code sagents.agents.*}. */
	public static class Agents {

		/**
		 * How long an agent may stay idle before it stops normally; the next request starts it
		 * again. '0' means never. (An empty value keeps the default: Spring's binder does not tell it
	 * from an absent one.)
		 */
		private Duration inactivityTimeout = Duration.ofMinutes(5);

		/** How long a stopping agent may take to finish its message and persist its state. */
		private Duration shutdownGrace = Duration.ofSeconds(30);

		/** The timeout of calls to an agent that name none. */
		private Duration callTimeout = Duration.ofSeconds(30);

		/**
		 * Bean name of the AgentBehavior used when an agent is started without a type. Defaults to
		 * the @Primary AgentBehavior bean, or the only one.
		 */
		private String defaultType;

		/** How often a crashing agent is restarted. */
		private final Restart restart = new Restart();

		/** The idle time after which an agent stops; {@code null} or zero: never. */
		public Duration getInactivityTimeout() {
			return this.inactivityTimeout;
		}

		/** Sets the idle time after which an agent stops. */
		public void setInactivityTimeout(Duration inactivityTimeout) {
			this.inactivityTimeout = inactivityTimeout;
		}

		/** The time a stopping agent gets to finish. */
		public Duration getShutdownGrace() {
			return this.shutdownGrace;
		}

		/** Sets the time a stopping agent gets to finish. */
		public void setShutdownGrace(Duration shutdownGrace) {
			this.shutdownGrace = shutdownGrace;
		}

		/** The default call timeout. */
		public Duration getCallTimeout() {
			return this.callTimeout;
		}

		/** Sets the default call timeout. */
		public void setCallTimeout(Duration callTimeout) {
			this.callTimeout = callTimeout;
		}

		/** The default agent type, or {@code null} for the primary or only behaviour. */
		public String getDefaultType() {
			return this.defaultType;
		}

		/** Sets the default agent type. */
		public void setDefaultType(String defaultType) {
			this.defaultType = defaultType;
		}

		/** The restart limit of agents. */
		public Restart getRestart() {
			return this.restart;
		}

		/** These settings as the agents supervisor takes them. */
		public AgentSettings toSettings() {
			return new AgentSettings(this.inactivityTimeout, this.shutdownGrace, this.callTimeout,
					this.restart.toIntensity());
		}

	}

	/** {@code sagents.filesystem.*}. */
	public static class FileSystem {

		/** How long a written path waits for further writes before it is persisted. */
		private Duration persistDebounce = Duration.ofSeconds(5);

		/**
		 * Directory of the built-in disk persistence, one subdirectory per scope. A relative path
		 * is resolved against the working directory. Defaults to 'sagents-data/filesystems'.
		 */
		private Path baseDirectory = Path.of("sagents-data", "filesystems");

		/** The largest file a file system accepts. */
		private DataSize maxFileSize = DataSize.ofMegabytes(10);

		/** The longest path a file system accepts, in characters. */
		private int maxPathLength = 1024;

		/** How long a file-system request may wait for its answer. */
		private Duration callTimeout = Duration.ofSeconds(30);

		/** How often a crashing file system is restarted. */
		private final Restart restart = new Restart();

		/** The persistence debounce. */
		public Duration getPersistDebounce() {
			return this.persistDebounce;
		}

		/** Sets the persistence debounce. */
		public void setPersistDebounce(Duration persistDebounce) {
			this.persistDebounce = persistDebounce;
		}

		/** The directory of the built-in disk persistence. */
		public Path getBaseDirectory() {
			return this.baseDirectory;
		}

		/** Sets the directory of the built-in disk persistence. */
		public void setBaseDirectory(Path baseDirectory) {
			this.baseDirectory = baseDirectory;
		}

		/** The largest file accepted. */
		public DataSize getMaxFileSize() {
			return this.maxFileSize;
		}

		/** Sets the largest file accepted. */
		public void setMaxFileSize(DataSize maxFileSize) {
			this.maxFileSize = maxFileSize;
		}

		/** The longest path accepted. */
		public int getMaxPathLength() {
			return this.maxPathLength;
		}

		/** Sets the longest path accepted. */
		public void setMaxPathLength(int maxPathLength) {
			this.maxPathLength = maxPathLength;
		}

		/** The file-system request timeout. */
		public Duration getCallTimeout() {
			return this.callTimeout;
		}

		/** Sets the file-system request timeout. */
		public void setCallTimeout(Duration callTimeout) {
			this.callTimeout = callTimeout;
		}

		/** The restart limit of file systems. */
		public Restart getRestart() {
			return this.restart;
		}

		/** These settings as the file-system supervisor takes them. */
		public FileSystemSettings toSettings() {
			return new FileSystemSettings(this.persistDebounce, this.maxFileSize.toBytes(), this.maxPathLength,
					this.callTimeout, this.restart.toIntensity());
		}

	}

	/** {@code sagents.agents.restart.*} and {@code sagents.filesystem.restart.*}. */
	public static class Restart {

		/** Restarts allowed within the window before the process is given up; 0 means never restart. */
		private int maxRestarts = 3;

		/** The sliding window in which restarts are counted. */
		private Duration window = Duration.ofSeconds(5);

		/** Restarts allowed within the window. */
		public int getMaxRestarts() {
			return this.maxRestarts;
		}

		/** Sets the restarts allowed within the window. */
		public void setMaxRestarts(int maxRestarts) {
			this.maxRestarts = maxRestarts;
		}

		/** The window restarts are counted in. */
		public Duration getWindow() {
			return this.window;
		}

		/** Sets the window restarts are counted in. */
		public void setWindow(Duration window) {
			this.window = window;
		}

		/** This limit as the supervisors take it. */
		public RestartIntensity toIntensity() {
			return new RestartIntensity(this.maxRestarts, this.window);
		}

	}

	/** {@code sagents.runtime.*}. */
	public static class Runtime {

		/**
		 * Which threads run process handlers: 'auto' (virtual threads when the JVM has them, Java
		 * 21+, else a fork-join pool of platform threads), 'virtual' (Java 21+ only) or 'platform'
		 * (a fork-join pool).
		 */
		private Threads threads = Threads.AUTO;

		/** Size of the platform-thread pool. Defaults to the number of available processors. */
		private Integer parallelism;

		/** Which threads run handlers. */
		public Threads getThreads() {
			return this.threads;
		}

		/** Sets which threads run handlers. */
		public void setThreads(Threads threads) {
			this.threads = threads;
		}

		/** The platform pool size, or {@code null} for the number of available processors. */
		public Integer getParallelism() {
			return this.parallelism;
		}

		/** Sets the platform pool size. */
		public void setParallelism(Integer parallelism) {
			this.parallelism = parallelism;
		}

		/** The platform pool size to use. */
		public int effectiveParallelism() {
			return (this.parallelism != null) ? this.parallelism : java.lang.Runtime.getRuntime().availableProcessors();
		}

	}

	/** Which threads run process handlers. */
	public enum Threads {

		/** Virtual threads when the JVM has them (Java 21+), else platform threads. */
		AUTO,

		/** Virtual threads; startup fails on a JVM without them. */
		VIRTUAL,

		/** A fork-join pool of platform threads, {@code sagents.runtime.parallelism} wide. */
		PLATFORM

	}

}
