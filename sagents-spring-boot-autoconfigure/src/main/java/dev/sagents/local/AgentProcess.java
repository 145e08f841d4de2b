package dev.sagents.local;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

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
		super(ProcessKey.agent(spec.id()), supervisor.runtime(), supervisor.settings().restartIntensity(),
				supervisor.hosting());
		this.supervisor = supervisor;
		this.spec = spec;
		this.behavior = (AgentBehavior<Object>) behavior;
	}

	@Override
	protected void init() throws Exception {
		Object stored = this.supervisor.persistence().loadState(id(), this.behavior.stateType()).orElse(null);
		this.state = (stored != null) ? stored : this.behavior.initialState(this);
	}

	@Override
	protected Object handle(Object message) throws Exception {
		changeStatus(AgentStatus.RUNNING);
		AgentResult<Object> result = this.behavior.handle(this.state, message, this);
		Objects.requireNonNull(result, () -> "AgentBehavior.handle returned null for agent " + id());
		Object previous = this.state;
		this.state = result.state();
		if (!Objects.equals(previous, this.state)) {
			this.supervisor.persistence().persistState(id(), this.state, PersistencePoint.ON_CHANGE);
		}
		changeStatus(AgentStatus.IDLE);
		if (result.stop()) {
			stopSelf(ExitReason.NORMAL);
		}
		if (result.reply() != null && this.supervisor.events().hasSubscribers(id())) {
			// As a subscriber on another member would get it; a reply that cannot travel fails here.
			this.supervisor.events()
				.publish(new AgentEvent.Replied(id(), Instant.now(), this.runtime.transit().value(result.reply())));
		}
		return result.reply();
	}

	/**
	 * A value that could not travel to another member (a reply or a published payload) is a
	 * refusal: the caller gets the {@link MessageEncodingException}, and the agent goes on.
	 */
	@Override
	protected boolean isRefusal(Throwable error) {
		return error instanceof MessageEncodingException;
	}

	/**
	 * Casts {@code message} once the node's {@link Transit} let it through, so that it is refused
	 * here as it would be on its way to another member; a message that came from another member
	 * ({@link EncodedMessage}) went through the codec already.
	 */
	@Override
	public void cast(Object message) {
		super.cast((message instanceof EncodedMessage) ? message : this.runtime.transit().message(message));
	}

	/**
	 * Calls with {@code message} and the reply as they would travel between members: a message or
	 * a reply type that could not travel fails the call before the agent handles it, and a reply
	 * that could not fails it once handled.
	 */
	@Override
	public <R> CompletableFuture<R> call(Object message, Class<R> replyType, Duration timeout) {
		Transit transit = this.runtime.transit();
		Object sent;
		try {
			sent = transit.message(message);
			transit.replyType(replyType);
		}
		catch (MessageEncodingException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		return super.call(sent, Object.class, timeout).thenApply(transit::value).thenApply(replyType::cast);
	}

	/** As {@link #call(Object, Class, Duration)}, waiting for the reply. */
	@Override
	public <R> R callAndWait(Object message, Class<R> replyType, Duration timeout) {
		Transit transit = this.runtime.transit();
		Object sent = transit.message(message);
		transit.replyType(replyType);
		return replyType.cast(transit.value(super.callAndWait(sent, Object.class, timeout)));
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
