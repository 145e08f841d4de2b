package dev.sagents.persistence;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import dev.sagents.agent.AgentPersistence.PersistencePoint;
import dev.sagents.codec.EncodedValue;
import dev.sagents.codec.MessageCodec;
import dev.sagents.codec.MessageDecodingException;
import dev.sagents.process.Arguments;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.StaleActivationException;

/**
 * Agents' storage over an {@link AgentStateStore}, fenced: each activation claims the agent's next
 * epoch and every write carries it, through the node's {@link StateWriter}. States are stored as
 * the codec writes them, with their type, and decoded only as trusted types. Agents about to start
 * together are claimed ahead together ({@link ClaimsTogether}, {@link ClaimsAhead}), and their
 * activations take those epochs. Closing it closes its writer, which stores what is still pending.
 */
public final class FencedAgentStorage implements AgentStorage, AutoCloseable {

	private final AgentStateStore store;

	private final MessageCodec codec;

	private final StateWriter writer;

	private final long maxStateSize;

	private final ClaimsAhead<StoredState> claimsAhead;

	/**
	 * @param store where states and epochs are kept
	 * @param codec what states are written and read with
	 * @param writer what writes go through, in its write mode
	 * @param maxStateSize the largest encoded state accepted, in bytes
	 */
	public FencedAgentStorage(AgentStateStore store, MessageCodec codec, StateWriter writer, long maxStateSize) {
		this.store = Arguments.notNull(store, "store");
		this.codec = Arguments.notNull(codec, "codec");
		this.writer = Arguments.notNull(writer, "writer");
		this.maxStateSize = maxStateSize;
		this.claimsAhead = new ClaimsAhead<>(store::claimAll, StoredState::epoch);
	}

	@Override
	public AgentActivation activate(String agentId, Class<?> stateType, Consumer<StaleActivationException> onStale)
			throws Exception {
		StoredState claimed = this.claimsAhead.take(agentId);
		if (claimed == null) {
			claimed = this.store.claim(agentId);
		}
		return new Activation(agentId, stateType, claimed, onStale);
	}

	@Override
	public void claimAhead(Collection<String> agentIds) throws Exception {
		this.claimsAhead.claim(agentIds);
	}

	@Override
	public void dropClaimAhead(String agentId) {
		this.claimsAhead.drop(agentId);
	}

	/** Stores what is still pending and stops the writer; for after the agents stopped. */
	@Override
	public void close() {
		this.writer.close();
	}

	private final class Activation implements AgentActivation {

		private final String agentId;

		private final Class<?> stateType;

		private final long epoch;

		private final Consumer<StaleActivationException> onStale;

		/** What the claim found, until the first load takes it. */
		private StoredState claimed;

		/**
		 * The state this activation knows the store has, or will have once its pending write is
		 * written: what it loaded, then what it wrote. A stop or a crash with that state only
		 * waits for a write still on its way.
		 */
		private EncodedValue stored;

		/** The future of the last write this activation did not wait for, watched for a refusal. */
		private CompletableFuture<Void> pending;

		private Activation(String agentId, Class<?> stateType, StoredState claimed,
				Consumer<StaleActivationException> onStale) {
			this.agentId = agentId;
			this.stateType = stateType;
			this.epoch = claimed.epoch();
			this.claimed = claimed;
			this.stored = claimed.state();
			this.onStale = onStale;
		}

		@Override
		public long epoch() {
			return this.epoch;
		}

		@Override
		public Optional<Object> load() throws Exception {
			StoredState stored = this.claimed;
			this.claimed = null;
			if (stored == null) {
				// A restart after a crash: what this activation wrote last is in the store once written.
				StateWriter.await(FencedAgentStorage.this.writer.flush(this.agentId));
				stored = FencedAgentStorage.this.store.read(this.agentId)
					.filter((current) -> current.epoch() <= this.epoch)
					.orElseThrow(() -> new StaleActivationException(ProcessKey.agent(this.agentId), this.epoch));
				this.stored = stored.state();
			}
			return Optional.ofNullable(decode(stored.state()));
		}

		/** {@code state} decoded; {@link UnreadableStateException} naming the agent if it cannot be. */
		private Object decode(EncodedValue state) {
			if (state == null) {
				return null;
			}
			Object value;
			try {
				value = FencedAgentStorage.this.codec.decode(state);
			}
			catch (RuntimeException ex) {
				throw new UnreadableStateException(this.agentId, ex);
			}
			if (value != null && !this.stateType.isInstance(value)) {
				throw new UnreadableStateException(this.agentId, new MessageDecodingException(state.type(),
						"it is not a " + this.stateType.getName(), null));
			}
			return value;
		}

		@Override
		public void persist(Object state, PersistencePoint point) {
			EncodedValue encoded = FencedAgentStorage.this.codec.encode(state);
			if (encoded.data().length > FencedAgentStorage.this.maxStateSize) {
				throw new StateTooLargeException(this.agentId, encoded.data().length,
						FencedAgentStorage.this.maxStateSize);
			}
			// A stop (handoff, shutdown) and a crash restart must find the state stored: they wait.
			boolean waits = point != PersistencePoint.ON_CHANGE
					|| FencedAgentStorage.this.writer.mode() == WriteMode.WRITE_THROUGH;
			if (sameState(this.stored, encoded)) {
				// Stored already, or on its way: writing it again would only cost a round trip.
				if (waits) {
					StateWriter.await(FencedAgentStorage.this.writer.flush(this.agentId));
				}
				return;
			}
			CompletableFuture<Void> written = FencedAgentStorage.this.writer
				.write(new StateWrite(this.agentId, this.epoch, encoded), point != PersistencePoint.ON_CHANGE);
			if (waits) {
				StateWriter.await(written);
				this.stored = encoded;
			}
			else {
				// Pending until written: the writer retries it, and a refusal stops this activation.
				this.stored = encoded;
				if (written != this.pending) {
					// A write that replaced a pending one shares its future, which is watched already.
					this.pending = written;
					written.whenComplete((done, error) -> {
						if (error instanceof StaleActivationException stale) {
							this.onStale.accept(stale);
						}
					});
				}
			}
		}

		private static boolean sameState(EncodedValue stored, EncodedValue encoded) {
			return stored != null && stored.type().equals(encoded.type()) && Arrays.equals(stored.data(), encoded.data());
		}

	}

}
