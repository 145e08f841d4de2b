package dev.sagents.horde.persistence;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.OperationTimeoutException;
import com.hazelcast.spi.exception.RetryableException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import dev.sagents.persistence.PersistenceUnavailableException;
import dev.sagents.process.Arguments;

/**
 * The store's way to its maps: through the member this node runs on, looked up at each call, as
 * the member starts with the node and may be started again after it left. Failures that mean the
 * member or the cluster cannot serve now (the member is not running, the partition owner left or
 * cannot be reached, an operation timed out) reach callers as
 * {@link PersistenceUnavailableException}; every other failure as it is.
 */
public final class HazelcastStoreMaps {

	private final Supplier<Optional<HazelcastInstance>> member;

	/** @param member this node's member while it is in the cluster, else empty */
	public HazelcastStoreMaps(Supplier<Optional<HazelcastInstance>> member) {
		this.member = Arguments.notNull(member, "member");
	}

	/** Runs {@code work} on the member; {@code what} says what it does, for the message. */
	<T> T call(String what, Function<HazelcastInstance, T> work) {
		HazelcastInstance instance = this.member.get()
			.orElseThrow(() -> new PersistenceUnavailableException(
					"could not " + what + " (this node's Hazelcast member is not in the cluster)", null));
		try {
			return work.apply(instance);
		}
		catch (CompletionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			if (unavailable(cause)) {
				throw unavailable(what, cause);
			}
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
		catch (RuntimeException ex) {
			if (unavailable(ex)) {
				throw unavailable(what, ex);
			}
			throw ex;
		}
	}

	private static boolean unavailable(Throwable failure) {
		return failure instanceof HazelcastInstanceNotActiveException || failure instanceof OperationTimeoutException
				|| failure instanceof TargetDisconnectedException || failure instanceof RetryableException;
	}

	private static PersistenceUnavailableException unavailable(String what, Throwable cause) {
		return new PersistenceUnavailableException("could not " + what + " (" + cause + ")", cause);
	}

}
