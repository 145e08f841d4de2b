package dev.sagents.horde;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import dev.sagents.agent.AgentStatus;
import dev.sagents.metrics.CallLocation;
import dev.sagents.metrics.SagentsMetrics;

/**
 * Reports the calls and casts to processes another member hosts, then routes them. Those to a
 * process this member hosts are left to the process, which reports them as local.
 */
final class MeteredCalls implements ProcessCalls {

	private final ProcessCalls calls;

	private final Supplier<String> localMember;

	private final SagentsMetrics metrics;

	MeteredCalls(ProcessCalls calls, Supplier<String> localMember, SagentsMetrics metrics) {
		this.calls = calls;
		this.localMember = localMember;
		this.metrics = metrics;
	}

	/** {@code calls}, reporting remote calls and casts to {@code metrics}; {@code calls} itself for none. */
	static ProcessCalls of(ProcessCalls calls, Supplier<String> localMember, SagentsMetrics metrics) {
		return (metrics == SagentsMetrics.NONE) ? calls : new MeteredCalls(calls, localMember, metrics);
	}

	@Override
	public CompletableFuture<Object> call(HordeProcessRef ref, Object message, Class<?> replyType, Duration timeout) {
		if (!isRemote(ref)) {
			return this.calls.call(ref, message, replyType, timeout);
		}
		return this.metrics.timedCall(CallLocation.REMOTE, System.nanoTime(),
				this.calls.call(ref, message, replyType, timeout));
	}

	@Override
	public Object callAndWait(HordeProcessRef ref, Object message, Class<?> replyType, Duration timeout) {
		if (!isRemote(ref)) {
			return this.calls.callAndWait(ref, message, replyType, timeout);
		}
		return this.metrics.timedCallAndWait(CallLocation.REMOTE,
				() -> this.calls.callAndWait(ref, message, replyType, timeout));
	}

	@Override
	public void cast(HordeProcessRef ref, Object message) {
		if (!isRemote(ref)) {
			this.calls.cast(ref, message);
			return;
		}
		try {
			this.calls.cast(ref, message);
		}
		catch (RuntimeException ex) {
			this.metrics.cast(CallLocation.REMOTE, false);
			throw ex;
		}
		this.metrics.cast(CallLocation.REMOTE, true);
	}

	@Override
	public AgentStatus status(HordeAgentRef ref) {
		return this.calls.status(ref);
	}

	private boolean isRemote(HordeProcessRef ref) {
		return !ref.host().equals(this.localMember.get());
	}

}
