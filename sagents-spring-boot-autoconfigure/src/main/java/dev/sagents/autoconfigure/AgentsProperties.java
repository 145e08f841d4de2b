package dev.sagents.autoconfigure;

import java.time.Duration;

import dev.sagents.agent.AgentSettings;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

/** Agents: {@code sagents.agents.*}. */
public class AgentsProperties {

	/**
	 * How long an agent may stay idle before it stops normally; the next request starts it
	 * again. '0' means never. (An empty value keeps the default: Spring's binder does not tell it
	 * from an absent one.)
	 */
	private Duration inactivityTimeout = Duration.ofMinutes(5);

	/** How long a stopping agent may take to finish its message and persist its state. */
	private Duration shutdownGrace = Duration.ofSeconds(30);

	/**
	 * How long a call to an agent that names no timeout waits for its reply:
	 * call(message, replyType) and callAndWait(message, replyType).
	 */
	private Duration callTimeout = Duration.ofSeconds(30);

	/**
	 * How many messages the mailbox of each process on this node (agents and file systems) may
	 * hold. A call or cast over it is refused with MailboxFullException (a call's future fails,
	 * a cast throws; a cast from another member is counted and dropped), so that a flood cannot
	 * fill the heap; the node's own work on a process and stops are never refused.
	 */
	private int mailboxCapacity = 10_000;

	/**
	 * Bean name of the AgentBehavior used when an agent is started without a type. Defaults to
	 * the @Primary AgentBehavior bean, or the only one.
	 */
	private String defaultType;

	/** How often a crashing agent is restarted. */
	@NestedConfigurationProperty
	private final RestartProperties restart = new RestartProperties();

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

	/** How many messages a process's mailbox may hold. */
	public int getMailboxCapacity() {
		return this.mailboxCapacity;
	}

	/** Sets how many messages a process's mailbox may hold. */
	public void setMailboxCapacity(int mailboxCapacity) {
		this.mailboxCapacity = mailboxCapacity;
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
	public RestartProperties getRestart() {
		return this.restart;
	}

	/** These settings as the agents supervisor takes them. */
	public AgentSettings toSettings() {
		return new AgentSettings(this.inactivityTimeout, this.shutdownGrace, this.callTimeout,
				this.restart.toIntensity());
	}

}
