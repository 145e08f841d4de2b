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
 * names.
 */
final class RecordingPersistence implements FileSystemPersistence {

	private final Map<String, byte[]> stored = new TreeMap<>();

	private final List<String> calls = new ArrayList<>();

	private final Set<String> failing = new HashSet<>();

	/** Stores {@code content} at {@code path} as if persisted earlier, without recording a call. */
	void preload(String path, byte[] content) {
		this.stored.put(path, content);
	}

	/** Makes every call for {@code path} throw an {@link IOException} until {@link #recover}. */
	void failOn(String path) {
		this.failing.add(path);
	}

	/** Makes calls for {@code path} succeed again. */
	void recover(String path) {
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
	public void write(String scope, String path, byte[] content) throws IOException {
		record("write", path);
		this.stored.put(path, content.clone());
	}

	@Override
	public Optional<byte[]> read(String scope, String path) throws IOException {
		record("read", path);
		return Optional.ofNullable(this.stored.get(path)).map(byte[]::clone);
	}

	@Override
	public void delete(String scope, String path) throws IOException {
		record("delete", path);
		this.stored.remove(path);
	}

	@Override
	public List<StoredFile> list(String scope) {
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
