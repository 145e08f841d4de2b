package dev.sagents.persistence.jdbc;

import java.util.function.Supplier;

import dev.sagents.persistence.PersistenceUnavailableException;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Which failures of the database mean it cannot be reached now: no connection (for a statement or
 * a transaction), a connection lost or timed out, a transient failure that the same statement may
 * not meet again. They reach callers as {@link PersistenceUnavailableException}; every other
 * failure as it is.
 */
final class JdbcFailures {

	private JdbcFailures() {
	}

	/** Runs {@code work}; {@code what} says what it does, for the message. */
	static <T> T available(String what, Supplier<T> work) {
		try {
			return work.get();
		}
		catch (DataAccessResourceFailureException | TransientDataAccessException | RecoverableDataAccessException
				| CannotCreateTransactionException ex) {
			String why = NestedExceptionUtils.getMostSpecificCause(ex).getMessage();
			throw new PersistenceUnavailableException("could not " + what + " (" + why + ")", ex);
		}
	}

}
