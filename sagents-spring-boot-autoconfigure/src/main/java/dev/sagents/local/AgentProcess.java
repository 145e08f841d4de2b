package dev.sagents.local;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.agent.AgentBehavior;
import dev.sagents.agent.AgentContext;
import dev.sagents.agent.AgentDetails;
import dev.sagents.agent.AgentEvent;
import dev.sagents.agent.AgentPersistence.PersistencePoint;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentResult;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentStatus;
import dev.sagents.codec.MessageEncodingException;
import dev.sagents.codec.Transit;
import dev.sagents.filesystem.FileSystemRef;
import dev.sagents.persistence.AgentActivation;
import dev.sagents.persistence.PersistenceUnavailableException;
import dev.sagents.persistence.StateTooLargeException;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.StaleActivationException;
import dev.sagents.supervisor.ExitReason;

/**
 * A running agent: the application's {@link AgentBehavior} plus the state it returned last. The
 * process is also the agent's {@link AgentContext}, which saves an object per agent.
 *
 * <p>Its start activates it in the agents' storage ({@link AgentActivation}), which claims its
 * epoch where the storage fences; a restart after a crash is the same activation and reloads the
 * state under it. A changed state becomes the agent's only once it was persisted: a state the
 * storage refuses (too large, not encodable) leaves the previous one and fails the call, and a
 * write refused because a newer activation claimed the agent stops this one as
 * {@link ExitReason#STALE}.
 */
final class AgentProcess extends HostedProcess implements AgentRef, AgentContext {

	private static final Logger logger = LoggerFactory.getLogger(AgentProcess.class);

	private final LocalAgentsSupervisor supervisor;

	private final AgentSpec spec;

	private final AgentBehavior<Object> behavior;

	private Object state;

	/** Made by the first start; a restart after a crash keeps it. */
	private AgentActivation activation;

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
		Optional<Object> stored;
		if (this.activation == null) {
			this.activation = this.supervisor.storage().activate(id(), this.behavior.stateType(), this::refused);
			stored = this.activation.load();
		}
		else {
			try {
				stored = this.activation.load();
			}
			catch (StaleActivationException ex) {
				// Restarting after a crash, and another activation runs the agent now: stop, touching nothing.
				stopSelf(ExitReason.STALE);
				return;
			}
		}
		this.state = stored.isPresent() ? stored.get() : this.behavior.initialState(this);
	}

	/** Runs {@link #handleMessage} with the agent in the MDC and its call's (or cast's) observation in scope. */
	@Override
	protected Object handle(Object message) throws Exception {
		return ObservedHandling.handle(key(), node(), this.runtime.observations(), message, this::handleMessage);
	}

	/**
	 * Runs the behaviour and keeps what it returned. The reply goes through the node's
	 * {@link Transit} first, as it would on its way to another member: one that cannot travel
	 * refuses the message with a {@link MessageEncodingException} before the new state is kept or
	 * persisted, so a retry does not apply it twice.
	 */
	private Object handleMessage(Object message) throws Exception {
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
		if (!Objects.equals(this.state, result.state())) {
			try {
				persist(result.state(), PersistencePoint.ON_CHANGE);
			}
			catch (Exception ex) {
				changeStatus(AgentStatus.IDLE);
				throw ex;
			}
			this.state = result.state();
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
	 * Persists {@code value}; a write refused because a newer activation claimed the agent stops
	 * this one after the current message.
	 */
	private void persist(Object value, PersistencePoint point) throws Exception {
		try {
			this.activation.persist(value, point);
		}
		catch (StaleActivationException ex) {
			logger.warn("Agent {} stops: {}", id(), ex.getMessage());
			stopSelf(ExitReason.STALE);
			throw ex;
		}
	}

	/** A write this agent did not wait for was refused: a newer activation runs it now. */
	private void refused(StaleActivationException error) {
		logger.warn("Agent {} stops: {}", id(), error.getMessage());
		requestStop(ExitReason.STALE);
	}

	/**
	 * A value that could not travel to another member (a reply, a published payload or the new
	 * state), a state over the size limit, a store that cannot be reached and a write refused as
	 * stale are refusals: the caller gets the exception, and the agent goes on with its previous
	 * state (or, when stale, stops).
	 */
	@Override
	protected boolean isRefusal(Throwable error) {
		return error instanceof MessageEncodingException || error instanceof StateTooLargeException
				|| error instanceof PersistenceUnavailableException || error instanceof StaleActivationException;
	}

	/**
	 * {@code message} once the node's {@link Transit} let it through, so that it is refused here as
	 * it would be on its way to another member (a {@link MessageEncodingException} before the agent
	 * handles it); a message that came from another member ({@link EncodedMessage}, or a
	 * {@link TracedMessage} with its observation) went through the codec already.
	 */
	@Override
	protected Object accepted(Object message) {
		return (message instanceof EncodedMessage || message instanceof TracedMessage) ? message
				: this.runtime.transit().message(message);
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
			persist(this.state, PersistencePoint.ON_ERROR);
		}
		catch (StaleActivationException ex) {
			// Logged, and stopping, already.
		}
		catch (Exception ex) {
			logger.warn("Could not persist the state of agent {} after its crash", id(), ex);
		}
	}

	@Override
	protected void terminate(ExitReason reason) throws Exception {
		changeStatus(AgentStatus.STOPPING);
		try {
			if (reason.persistsOnExit()) {
				persist(this.state, PersistencePoint.ON_SHUTDOWN);
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

	/** This agent as an operator inspects it, {@code moves} as the clustered backend counted them. */
	AgentDetails details(int moves) {
		return new AgentDetails(id(), node(), this.status, depth(), moves, lastError());
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
