package dev.sagents.horde;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.sagents.agent.InvalidAgentIdException;
import dev.sagents.agent.UnknownAgentTypeException;
import dev.sagents.codec.MessageDecodingException;
import dev.sagents.codec.MessageEncodingException;
import dev.sagents.codec.UntrustedTypeException;
import dev.sagents.filesystem.FileNotFoundException;
import dev.sagents.filesystem.FileSystemException;
import dev.sagents.filesystem.InvalidPathException;
import dev.sagents.filesystem.InvalidScopeException;
import dev.sagents.persistence.PersistenceUnavailableException;
import dev.sagents.persistence.StateTooLargeException;
import dev.sagents.persistence.UnreadableStateException;
import dev.sagents.process.CallTimeoutException;
import dev.sagents.process.MailboxFullException;
import dev.sagents.process.MessageTooLargeException;
import dev.sagents.process.ProcessFailedException;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessNotRunningException;
import dev.sagents.process.ProcessStartException;
import dev.sagents.process.RemoteCauseException;
import dev.sagents.process.SagentsException;
import dev.sagents.process.StaleActivationException;
import dev.sagents.registry.RegistryState;
import dev.sagents.registry.RegistryUnavailableException;

/**
 * Typed errors across members: the known sagents refusals travel as a code and their fields and
 * are rebuilt as the same type on the caller; anything else arrives as a {@link RemoteCauseException}
 * with the original class name and message. A start that failed travels with its cause, which is
 * encoded the same way (a store that cannot be reached, a stored state that cannot be read): the
 * caller of a start placed on another member gets what the caller of a start here gets.
 */
final class RemoteErrors {

	private static final int OTHER = 0;

	private static final int INVALID_PATH = 1;

	private static final int FILE_NOT_FOUND = 2;

	private static final int INVALID_SCOPE = 3;

	private static final int UNKNOWN_AGENT_TYPE = 4;

	private static final int INVALID_AGENT_ID = 5;

	private static final int UNTRUSTED_TYPE = 6;

	private static final int REGISTRY_UNAVAILABLE = 7;

	private static final int MESSAGE_ENCODING = 8;

	private static final int STALE_ACTIVATION = 9;

	private static final int STATE_TOO_LARGE = 10;

	private static final int PERSISTENCE_UNAVAILABLE = 11;

	private static final int PROCESS_START = 12;

	private static final int UNREADABLE_STATE = 13;

	private static final int MESSAGE_DECODING = 14;

	private static final int MAILBOX_FULL = 15;

	private static final int MESSAGE_TOO_LARGE = 16;

	private RemoteErrors() {
	}

	/** Whether {@code error}, thrown while serving a request, is a refusal the caller gets as its own type. */
	static boolean isRefusal(Throwable error) {
		return error instanceof FileSystemException || error instanceof InvalidScopeException
				|| error instanceof UnknownAgentTypeException || error instanceof InvalidAgentIdException
				|| error instanceof UntrustedTypeException || error instanceof RegistryUnavailableException
				|| error instanceof MessageEncodingException || error instanceof StaleActivationException
				|| error instanceof StateTooLargeException || error instanceof PersistenceUnavailableException
				|| error instanceof UnreadableStateException || error instanceof ProcessStartException
				|| error instanceof MailboxFullException || error instanceof MessageTooLargeException;
	}

	/**
	 * The reply that tells a caller about {@code error}, thrown while serving its call or request:
	 * the outcome the caller rebuilds it from, and its details.
	 */
	static Reply asReply(Throwable error) {
		Reply.Outcome outcome;
		Throwable detail = error;
		if (error instanceof ProcessNotRunningException) {
			// Ended or moved since the caller looked: it looks again.
			outcome = Reply.Outcome.NOT_HERE;
		}
		else if (error instanceof CallTimeoutException) {
			outcome = Reply.Outcome.TIMEOUT;
		}
		else if (error instanceof ProcessFailedException failed) {
			outcome = Reply.Outcome.FAILED;
			detail = failed.getCause();
		}
		else if (RemoteErrors.isRefusal(error)) {
			outcome = Reply.Outcome.REFUSED;
		}
		else {
			outcome = Reply.Outcome.FAILED;
		}
		return new Reply(outcome, RemoteErrors.encode(detail));
	}

	static byte[] encode(Throwable error) {
		Wire.Writer out = new Wire.Writer();
		if (error instanceof InvalidPathException invalid) {
			out.writeByte(INVALID_PATH).writeString(invalid.scope()).writeString(invalid.path()).writeString(invalid.reason());
		}
		else if (error instanceof FileNotFoundException missing) {
			out.writeByte(FILE_NOT_FOUND).writeString(missing.scope()).writeString(missing.path());
		}
		else if (error instanceof InvalidScopeException invalid) {
			out.writeByte(INVALID_SCOPE).writeString(invalid.scope());
		}
		else if (error instanceof UnknownAgentTypeException unknown) {
			out.writeByte(UNKNOWN_AGENT_TYPE).writeString(unknown.type()).writeString(String.join(",", unknown.known()));
		}
		else if (error instanceof InvalidAgentIdException invalid) {
			out.writeByte(INVALID_AGENT_ID).writeString(invalid.id());
		}
		else if (error instanceof UntrustedTypeException untrusted) {
			out.writeByte(UNTRUSTED_TYPE).writeString(untrusted.type());
		}
		else if (error instanceof RegistryUnavailableException unavailable) {
			out.writeByte(REGISTRY_UNAVAILABLE).writeString(unavailable.state().name()).writeString(unavailable.reason());
		}
		else if (error instanceof MessageEncodingException encoding) {
			out.writeByte(MESSAGE_ENCODING).writeString(encoding.type()).writeString(encoding.reason());
		}
		else if (error instanceof StaleActivationException stale) {
			out.writeByte(STALE_ACTIVATION).writeString(stale.key().toString()).writeLong(stale.epoch());
		}
		else if (error instanceof StateTooLargeException tooLarge) {
			out.writeByte(STATE_TOO_LARGE)
				.writeString(tooLarge.agentId())
				.writeLong(tooLarge.size())
				.writeLong(tooLarge.limit());
		}
		else if (error instanceof PersistenceUnavailableException unavailable) {
			out.writeByte(PERSISTENCE_UNAVAILABLE).writeString(unavailable.reason());
		}
		else if (error instanceof ProcessStartException failed) {
			out.writeByte(PROCESS_START).writeString(failed.key().toString()).writeBytes(encode(failed.getCause()));
		}
		else if (error instanceof UnreadableStateException unreadable) {
			out.writeByte(UNREADABLE_STATE).writeString(unreadable.agentId()).writeBytes(encode(unreadable.getCause()));
		}
		else if (error instanceof MessageDecodingException decoding) {
			out.writeByte(MESSAGE_DECODING).writeString(decoding.type()).writeString(decoding.reason());
		}
		else if (error instanceof MailboxFullException full) {
			out.writeByte(MAILBOX_FULL).writeString(full.key().toString()).writeLong(full.capacity());
		}
		else if (error instanceof MessageTooLargeException tooLarge) {
			out.writeByte(MESSAGE_TOO_LARGE).writeLong(tooLarge.size()).writeLong(tooLarge.limit());
		}
		else {
			out.writeByte(OTHER).writeString(error.getClass().getName()).writeString(String.valueOf(error.getMessage()));
		}
		return out.toBytes();
	}

	static SagentsException decode(byte[] data) {
		Wire.Reader in = new Wire.Reader(data);
		return switch (in.readByte()) {
			case INVALID_PATH -> new InvalidPathException(in.readString(), in.readString(), in.readString());
			case FILE_NOT_FOUND -> new FileNotFoundException(in.readString(), in.readString());
			case INVALID_SCOPE -> new InvalidScopeException(in.readString());
			case UNKNOWN_AGENT_TYPE -> new UnknownAgentTypeException(in.readString(), knownTypes(in.readString()));
			case INVALID_AGENT_ID -> new InvalidAgentIdException(in.readString());
			case UNTRUSTED_TYPE -> new UntrustedTypeException(in.readString());
			case REGISTRY_UNAVAILABLE -> new RegistryUnavailableException(RegistryState.valueOf(in.readString()),
					in.readString());
			case MESSAGE_ENCODING -> new MessageEncodingException(in.readString(), in.readString());
			case STALE_ACTIVATION -> new StaleActivationException(ProcessKey.parse(in.readString()), in.readLong());
			case STATE_TOO_LARGE -> new StateTooLargeException(in.readString(), in.readLong(), in.readLong());
			case PERSISTENCE_UNAVAILABLE -> new PersistenceUnavailableException(in.readString(), null);
			case PROCESS_START -> new ProcessStartException(ProcessKey.parse(in.readString()), decode(in.readBytes()));
			case UNREADABLE_STATE -> new UnreadableStateException(in.readString(), decode(in.readBytes()));
			case MESSAGE_DECODING -> new MessageDecodingException(in.readString(), in.readString(), null);
			case MAILBOX_FULL -> new MailboxFullException(ProcessKey.parse(in.readString()), (int) in.readLong());
			case MESSAGE_TOO_LARGE -> new MessageTooLargeException(in.readLong(), in.readLong());
			default -> new RemoteCauseException(in.readString(), in.readString());
		};
	}

	/** The known types {@link #encode} joined; none when they were none (not one empty name). */
	private static Set<String> knownTypes(String joined) {
		return joined.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(joined.split(",")));
	}

}
