package dev.sagents.horde;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import dev.sagents.agent.AgentStatus;
import dev.sagents.metrics.CallLocation;
import dev.sagents.observation.Exchange;
import dev.sagents.observation.Observed;
import dev.sagents.observation.SagentsObservations;
import dev.sagents.process.ProcessKind;

/**
 * Observes the calls and casts to agents another member hosts, then routes them with the
 * observation in scope, so that the transport sends its trace context along
 * ({@link SagentsObservations#outgoing}). A call is observed until its reply or failure, a cast
 * until it was sent. Those to a process this member hosts are left to the process, which observes
 * them as local.
 */
final class ObservedCalls implements ProcessCalls {

	private final ProcessCalls calls;

	private final Supplier<String> localMember;

	private final SagentsObservations observations;

	private ObservedCalls(ProcessCalls calls, Supplier<String> localMember, SagentsObservations observations) {
		this.calls = calls;
		this.localMember = localMember;
		this.observations = observations;
	}

	/** {@code calls}, observing remote calls and casts to agents; {@code calls} itself when nothing is observed. */
	static ProcessCalls of(ProcessCalls calls, Supplier<String> localMember, SagentsObservations observations) {
		return (observations == SagentsObservations.NONE) ? calls
				: new ObservedCalls(calls, localMember, observations);
	}

	@Override
	public CompletableFuture<Object> call(HordeProcessRef ref, Object message, Class<?> replyType, Duration timeout) {
		if (!isRemoteAgent(ref)) {
			return this.calls.call(ref, message, replyType, timeout);
		}
		Observed observed = this.observations.send(Exchange.CALL, ref.key(), CallLocation.REMOTE);
		CompletableFuture<Object> reply;
		try (Observed.Scope scope = observed.open()) {
			reply = this.calls.call(ref, message, replyType, timeout);
		}
		catch (RuntimeException ex) {
			observed.stop(ex);
			throw ex;
		}
		return reply.whenComplete((value, error) -> observed.stop(error));
	}

	@Override
	public Object callAndWait(HordeProcessRef ref, Object message, Class<?> replyType, Duration timeout) {
		if (!isRemoteAgent(ref)) {
			return this.calls.callAndWait(ref, message, replyType, timeout);
		}
		return observed(Exchange.CALL, ref, () -> this.calls.callAndWait(ref, message, replyType, timeout));
	}

	@Override
	public void cast(HordeProcessRef ref, Object message) {
		if (!isRemoteAgent(ref)) {
			this.calls.cast(ref, message);
			return;
		}
		observed(Exchange.CAST, ref, () -> {
			this.calls.cast(ref, message);
			return null;
		});
	}

	@Override
	public AgentStatus status(HordeAgentRef ref) {
		return this.calls.status(ref);
	}

	private Object observed(Exchange exchange, HordeProcessRef ref, Supplier<Object> send) {
		return this.observations.send(exchange, ref.key(), CallLocation.REMOTE).run(send::get);
	}

	private boolean isRemoteAgent(HordeProcessRef ref) {
		return ref.key().kind() == ProcessKind.AGENT && !ref.host().equals(this.localMember.get());
	}

}
