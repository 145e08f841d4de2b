package dev.sagents.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.sagents.codec.MessageCodec;

/**
 * A real {@link AgentStateStore} seen from the outside: how often each agent was written, how many
 * claims reached it (one by one and together), and a gate that holds writes while it is closed, to
 * see what waits for them.
 */
public final class RecordingStateStore implements AgentStateStore {

	private final AgentStateStore store;

	private final Map<String, AtomicInteger> writes = new ConcurrentHashMap<>();

	private volatile CountDownLatch gate = new CountDownLatch(0);

	private final CountDownLatch held = new CountDownLatch(1);

	private final AtomicInteger claims = new AtomicInteger();

	private final AtomicInteger claimsTogether = new AtomicInteger();

	public RecordingStateStore(AgentStateStore store) {
		this.store = store;
	}

	/** Holds every write from now on until {@link #open()}. */
	public void close() {
		this.gate = new CountDownLatch(1);
	}

	/** Lets the held writes and the next ones through. */
	public void open() {
		this.gate.countDown();
	}

	/** Waits until a write is being held; {@code false} if none came within 30 s. */
	public boolean awaitHeldWrite() throws InterruptedException {
		return this.held.await(30, TimeUnit.SECONDS);
	}

	/** How many writes of {@code agentId} reached the store. */
	public int writesOf(String agentId) {
		AtomicInteger count = this.writes.get(agentId);
		return (count != null) ? count.get() : 0;
	}

	/** The state stored for {@code agentId}, decoded by {@code codec}; {@code null} if none. */
	public Object stored(String agentId, MessageCodec codec) throws Exception {
		return this.store.read(agentId).map(StoredState::state).map(codec::decode).orElse(null);
	}

	/** How many claims of one agent reached the store. */
	public int claims() {
		return this.claims.get();
	}

	/** How many claims of agents together ({@link #claimAll}) reached the store. */
	public int claimsTogether() {
		return this.claimsTogether.get();
	}

	@Override
	public StoredState claim(String agentId) throws Exception {
		this.claims.incrementAndGet();
		return this.store.claim(agentId);
	}

	@Override
	public Map<String, StoredState> claimAll(Collection<String> agentIds) throws Exception {
		this.claimsTogether.incrementAndGet();
		return this.store.claimAll(agentIds);
	}

	@Override
	public Optional<StoredState> read(String agentId) throws Exception {
		return this.store.read(agentId);
	}

	@Override
	public boolean[] write(List<StateWrite> writes) throws Exception {
		CountDownLatch current = this.gate;
		if (current.getCount() > 0) {
			this.held.countDown();
			current.await(30, TimeUnit.SECONDS);
		}
		writes.forEach((write) -> this.writes.computeIfAbsent(write.agentId(), (id) -> new AtomicInteger()).incrementAndGet());
		return this.store.write(writes);
	}

}
