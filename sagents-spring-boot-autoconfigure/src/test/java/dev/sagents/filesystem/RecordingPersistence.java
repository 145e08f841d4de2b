package dev.sagents.filesystem;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Persistence in a map of one scope that records every call, and fails for the paths a test
 * names: with an {@link IOException}, which a file system refuses the request for, or with an
 * unchecked exception, as a bug in a backend would throw, which crashes the file system. Safe to
 * share between the nodes of a test cluster.
 */
final class RecordingPersistence implements FileSystemPersistence {

	private final Map<String, byte[]> stored = new TreeMap<>();

	private final List<String> calls = new ArrayList<>();

	private final Set<String> failing = new HashSet<>();

	private final Set<String> crashing = new HashSet<>();

	/** Stores {@code content} at {@code path} as if persisted earlier, without recording a call. */
	synchronized void preload(String path, byte[] content) {
		this.stored.put(path, content);
	}

	/** Makes every call for {@code path} throw an {@link IOException} until {@link #recover}. */
	synchronized void failOn(String path) {
		this.failing.add(path);
	}

	/**
	 * Makes every read of {@code path} throw an {@link IllegalStateException}: a file system that
	 * loads the file crashes, is restarted and indexes the file again, so the next read crashes it
	 * again.
	 */
	synchronized void crashOn(String path) {
		this.crashing.add(path);
	}

	/** Makes calls for {@code path} succeed again. */
	synchronized void recover(String path) {
		this.failing.remove(path);
	}

	/** What is stored, by path. */
	Map<String, byte[]> stored() {
		return this.stored;
	}

	/** The calls so far, as {@code write a.md}, {@code read a.md}, {@code delete a.md} or {@code list}. */
	List<String> calls() {
		return this.calls;
	}

	@Override
	public synchronized void write(String scope, String path, byte[] content) throws IOException {
		record("write", path);
		this.stored.put(path, content.clone());
	}

	@Override
	public synchronized Optional<byte[]> read(String scope, String path) throws IOException {
		record("read", path);
		if (this.crashing.contains(path)) {
			throw new IllegalStateException("bug in the backend while reading " + path);
		}
		return Optional.ofNullable(this.stored.get(path)).map(byte[]::clone);
	}

	@Override
	public synchronized void delete(String scope, String path) throws IOException {
		record("delete", path);
		this.stored.remove(path);
	}

	@Override
	public synchronized List<StoredFile> list(String scope) {
		this.calls.add("list");
		return this.stored.entrySet()
			.stream()
			.map((file) -> new StoredFile(file.getKey(), file.getValue().length, Instant.parse("2026-01-01T00:00:00Z")))
			.toList();
	}

	private void record(String operation, String path) throws IOException {
		this.calls.add(operation + " " + path);
		if (this.failing.contains(path)) {
			throw new IOException("disk full while handling " + path);
		}
	}

}
