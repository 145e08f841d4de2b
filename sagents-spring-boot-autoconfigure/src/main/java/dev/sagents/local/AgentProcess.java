package dev.sagents.local;

import java.time.Instant;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.agent.AgentBehavior;
import dev.sagents.agent.AgentContext;
import dev.sagents.agent.AgentEvent;
import dev.sagents.agent.AgentPersistence.PersistencePoint;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentResult;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentStatus;
import dev.sagents.codec.MessageEncodingException;
import dev.sagents.codec.Transit;
import dev.sagents.filesystem.FileSystemRef;
import dev.sagents.process.ProcessKey;
import dev.sagents.supervisor.ExitReason;

/**
 * A running agent: the application's {@link AgentBehavior} plus the state it returned last. The
 * process is also the agent's {@link AgentContext}, which saves an object per agent.
 */
final class AgentProcess extends HostedProcess implements AgentRef, AgentContext {

	private static final Logger logger = LoggerFactory.getLogger(AgentProcess.class);

	private final LocalAgentsSupervisor supervisor;

	private final AgentSpec spec;

	private final AgentBehavior<Object> behavior;

	private Object state;

	private volatile AgentStatus status = AgentStatus.IDLE;

	private FileSystemRef fileSystem;

	/** Set while an inactivity check is queued, so the sweeper queues at most one. */
	volatile boolean inactivityCheckQueued;

	@SuppressWarnings("unchecked")
	AgentProcess(LocalAgentsSupervisor supervisor, AgentSpec spec, AgentBehavior<?> behavior) {
		super(ProcessKey.agent(spec.id()), supervisor.runtime(), supervisor.terms());
		this.supervisor = supervisor;
		this.spec = spec;
		this.behavior = (AgentBehavior<Object>) behavior;
	}

	@Override
	protected void init() throws Exception {
		Object stored = this.supervisor.persistence().loadState(id(), this.behavior.stateType()).orElse(null);
		this.state = (stored != null) ? stored : this.behavior.initialState(this);
	}

	/**
	 * Runs the behaviour and keeps what it returned. The reply goes through the node's
	 * {@link Transit} first, as it would on its way to another member: one that cannot travel
	 * refuses the message with a {@link MessageEncodingException} before the new state is kept or
	 * persisted, so a retry does not apply it twice.
	 */
	@Override
	protected Object handle(Object message) throws Exception {
		changeStatus(AgentStatus.RUNNING);
		AgentResult<Object> result;
		Object reply;
		try {
			result = this.behavior.handle(this.state, message, this);
			Objects.requireNonNull(result, () -> "AgentBehavior.handle returned null for agent " + id());
			reply = this.runtime.transit().value(result.reply());
		}
		catch (MessageEncodingException ex) {
			changeStatus(AgentStatus.IDLE);
			throw ex;
		}
		Object previous = this.state;
		this.state = result.state();
		if (!Objects.equals(previous, this.state)) {
			this.supervisor.persistence().persistState(id(), this.state, PersistencePoint.ON_CHANGE);
		}
		changeStatus(AgentStatus.IDLE);
		if (result.stop()) {
			stopSelf(ExitReason.NORMAL);
		}
		if (reply != null && this.supervisor.events().hasSubscribers(id())) {
			this.supervisor.events().publish(new AgentEvent.Replied(id(), Instant.now(), reply));
		}
		return reply;
	}

	/**
	 * A value that could not travel to another member (a reply or a published payload) is a
	 * refusal: the caller gets the {@link MessageEncodingException}, and the agent goes on with
	 * the state it had.
	 */
	@Override
	protected boolean isRefusal(Throwable error) {
		return error instanceof MessageEncodingException;
	}

	/**
	 * {@code message} once the node's {@link Transit} let it through, so that it is refused here as
	 * it would be on its way to another member (a {@link MessageEncodingException} before the agent
	 * handles it); a message that came from another member ({@link EncodedMessage}) went through
	 * the codec already.
	 */
	@Override
	protected Object accepted(Object message) {
		return (message instanceof EncodedMessage) ? message : this.runtime.transit().message(message);
	}

	/** Refuses, before the agent handles the call, a reply type no reply from another member could have. */
	@Override
	protected void checkReplyType(Class<?> replyType) {
		this.runtime.transit().replyType(replyType);
	}

	@Override
	protected void crashed(Throwable error) {
		changeStatus(AgentStatus.ERROR);
		try {
			this.supervisor.persistence().persistState(id(), this.state, PersistencePoint.ON_ERROR);
		}
		catch (Exception ex) {
			logger.warn("Could not persist the state of agent {} after its crash", id(), ex);
		}
	}

	@Override
	protected void terminate(ExitReason reason) throws Exception {
		changeStatus(AgentStatus.STOPPING);
		try {
			if (reason != ExitReason.CONFLICT) {
				this.supervisor.persistence().persistState(id(), this.state, PersistencePoint.ON_SHUTDOWN);
			}
		}
		finally {
			this.behavior.onStop(this.state, reason, this);
		}
	}

	@Override
	protected void ended(ExitReason reason, Throwable error) {
		this.status = AgentStatus.STOPPED;
		this.supervisor.ended(this, reason, error);
	}

	/** Runs the inactivity check in mailbox order: stops only if nothing happened meanwhile. */
	void checkInactivity(long timeoutNanos) {
		this.inactivityCheckQueued = true;
		enqueueControl(() -> {
			this.inactivityCheckQueued = false;
			if (System.nanoTime() - lastActivityNanos() >= timeoutNanos) {
				stopSelf(ExitReason.INACTIVITY);
			}
		});
	}

	boolean isIdleFor(long nanos, long now) {
		return isIdle() && now - lastActivityNanos() >= nanos;
	}

	private void changeStatus(AgentStatus next) {
		AgentStatus previous = this.status;
		if (previous != next) {
			this.status = next;
			if (this.supervisor.events().hasSubscribers(id())) {
				this.supervisor.events().publish(new AgentEvent.StatusChanged(id(), Instant.now(), previous, next));
			}
		}
	}

	@Override
	public AgentStatus status() {
		return this.status;
	}

	@Override
	public String agentId() {
		return id();
	}

	@Override
	public AgentSpec spec() {
		return this.spec;
	}

	@Override
	public FileSystemRef fileSystem() {
		String scope = this.spec.fileSystemScope();
		if (scope == null) {
			throw new IllegalStateException("Agent " + id() + " was started without a file-system scope");
		}
		FileSystemRef current = this.fileSystem;
		if (current == null || !current.isAlive()) {
			current = this.supervisor.fileSystems().ensureFileSystem(scope);
			this.fileSystem = current;
		}
		return current;
	}

	@Override
	public void publish(Object payload) {
		this.supervisor.events()
			.publish(new AgentEvent.Published(id(), Instant.now(), this.runtime.transit().value(payload)));
	}

}
