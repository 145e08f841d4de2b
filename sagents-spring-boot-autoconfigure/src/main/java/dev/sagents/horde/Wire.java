package dev.sagents.horde;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.sagents.codec.EncodedValue;
import dev.sagents.observation.TraceHeaders;
import dev.sagents.process.ProcessKey;

/**
 * The binary layout of everything sagents sends between members besides the application's own
 * values: fixed fields read in a fixed order, so decoding can never choose a class to create.
 * Strings are length-prefixed UTF-8 and may be {@code null}. The trace context of a call or cast
 * travels as two such strings, bounded: one too long is skipped unread.
 */
final class Wire {

	private Wire() {
	}

	@FunctionalInterface
	private interface IoAction {

		void run() throws IOException;

	}

	@FunctionalInterface
	private interface IoRead<T> {

		T read() throws IOException;

	}

	/** Builds one message. */
	static final class Writer {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);

		private final DataOutputStream out = new DataOutputStream(this.bytes);

		Writer writeByte(int value) {
			return write(() -> this.out.writeByte(value));
		}

		Writer writeBoolean(boolean value) {
			return writeByte(value ? 1 : 0);
		}

		Writer writeLong(long value) {
			return write(() -> this.out.writeLong(value));
		}

		Writer writeInt(int value) {
			return write(() -> this.out.writeInt(value));
		}

		Writer writeBytes(byte[] value) {
			if (value == null) {
				return writeInt(-1);
			}
			writeInt(value.length);
			return write(() -> this.out.write(value));
		}

		Writer writeString(String value) {
			return writeBytes((value != null) ? value.getBytes(StandardCharsets.UTF_8) : null);
		}

		Writer writeMap(Map<String, String> value) {
			writeInt(value.size());
			value.forEach((key, entry) -> writeString(key).writeString(entry));
			return this;
		}

		/** {@code headers} ({@code null} for none), as {@link Reader#readTraceHeaders} reads them. */
		Writer writeTraceHeaders(TraceHeaders headers) {
			if (headers == null) {
				return writeBoolean(false);
			}
			return writeBoolean(true).writeString(headers.traceparent()).writeString(headers.tracestate());
		}

		Writer writeEncoded(EncodedValue value) {
			return writeString(value.type()).writeBytes(value.data());
		}

		Writer writeKeys(List<ProcessKey> keys) {
			writeInt(keys.size());
			keys.forEach((key) -> writeString(key.toString()));
			return this;
		}

		/**
		 * A process to start, as a request carries it: its key, what it is started from and how
		 * many times it moved, not where it runs (the receiver decides that).
		 */
		Writer writeRegistration(Registration registration) {
			return writeString(registration.key().toString())
				.writeString(registration.type())
				.writeString(registration.fileSystemScope())
				.writeMap(registration.attributes())
				.writeInt(registration.moves());
		}

		byte[] toBytes() {
			return this.bytes.toByteArray();
		}

		private Writer write(IoAction action) {
			try {
				action.run();
			}
			catch (IOException ex) {
				// A ByteArrayOutputStream does not fail; DataOutputStream just declares it.
				throw new UncheckedIOException(ex);
			}
			return this;
		}

	}

	/** Reads one message, field by field, in the order it was written. */
	static final class Reader {

		private final DataInputStream in;

		Reader(byte[] data) {
			this.in = new DataInputStream(new ByteArrayInputStream(data));
		}

		int readByte() {
			return read(this.in::readByte);
		}

		boolean readBoolean() {
			return readByte() != 0;
		}

		long readLong() {
			return read(this.in::readLong);
		}

		int readInt() {
			return read(this.in::readInt);
		}

		byte[] readBytes() {
			int length = readInt();
			if (length < 0) {
				return null;
			}
			return read(() -> {
				if (length > this.in.available()) {
					throw new IOException("length " + length + " exceeds the message");
				}
				return this.in.readNBytes(length);
			});
		}

		String readString() {
			byte[] bytes = readBytes();
			return (bytes != null) ? new String(bytes, StandardCharsets.UTF_8) : null;
		}

		Map<String, String> readMap() {
			int size = readInt();
			Map<String, String> map = new LinkedHashMap<>();
			for (int i = 0; i < size; i++) {
				map.put(readString(), readString());
			}
			return map;
		}

		/**
		 * The trace context written by {@link Writer#writeTraceHeaders}, or {@code null}: when none
		 * was sent, and when what was sent is malformed or over its bound (a header longer than
		 * {@link TraceHeaders#MAX_TRACESTATE_LENGTH} is skipped without being read into a string).
		 * The message itself is read on either way: it is handled in a trace of its own.
		 */
		TraceHeaders readTraceHeaders() {
			if (!readBoolean()) {
				return null;
			}
			String traceparent = readBoundedString(TraceHeaders.TRACEPARENT_LENGTH);
			String tracestate = readBoundedString(TraceHeaders.MAX_TRACESTATE_LENGTH);
			return TraceHeaders.ofNullable(traceparent, tracestate);
		}

		/** A string of at most {@code max} bytes; {@code null} (its bytes skipped) for a longer one. */
		private String readBoundedString(int max) {
			int length = readInt();
			if (length < 0) {
				return null;
			}
			byte[] bytes = read(() -> {
				if (length > this.in.available()) {
					throw new IOException("length " + length + " exceeds the message");
				}
				if (length > max) {
					this.in.skipNBytes(length);
					return null;
				}
				return this.in.readNBytes(length);
			});
			return (bytes != null) ? new String(bytes, StandardCharsets.UTF_8) : null;
		}

		EncodedValue readEncoded() {
			return new EncodedValue(readString(), readBytes());
		}

		List<ProcessKey> readKeys() {
			int count = readInt();
			List<ProcessKey> keys = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				keys.add(ProcessKey.parse(readString()));
			}
			return keys;
		}

		/** A process to start, as {@link Writer#writeRegistration} wrote it, with no host yet. */
		Registration readRegistration() {
			return new Registration(ProcessKey.parse(readString()), null, null, readString(), readString(), readMap(),
					readInt());
		}

		private static <T> T read(IoRead<T> read) {
			try {
				return read.read();
			}
			catch (IOException ex) {
				throw new IllegalArgumentException("Malformed sagents message: " + ex.getMessage(), ex);
			}
		}

	}

}
