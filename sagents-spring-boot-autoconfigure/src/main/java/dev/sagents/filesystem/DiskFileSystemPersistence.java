package dev.sagents.filesystem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.sagents.process.Arguments;

/**
 * Keeps each scope's files in a directory under a base directory, one file per path. The
 * directory's name encodes the scope so that it is safe on any file system and no two scopes
 * share a directory: every character outside {@code a-z 0-9 . _ -}, capitals included (so that
 * {@code user:Bob} and {@code user:bob} stay apart where names ignore case), and a leading
 * {@code .} (so that no scope is named {@code .} or {@code ..}) become {@code %XX}:
 * {@code user:alice} is {@code user%3Aalice}.
 * <p>
 * A write is atomic: the content goes to a temporary file in the base directory's {@code .staging}
 * folder (a name no scope directory can have, so a temporary file is never mistaken for a file
 * of a scope), which then replaces the target in one move. The base directory must therefore be
 * one file system. On POSIX systems a stored file keeps the temporary file's permissions: readable
 * and writable by the owner only. Links are never followed: a read, write or delete whose path goes through a
 * symbolic link below the base directory is refused with {@link InvalidPathException}, and
 * {@link #list} skips links.
 */
public final class DiskFileSystemPersistence implements FileSystemPersistence {

	private static final String STAGING_DIRECTORY = ".staging";

	private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

	private final Path baseDirectory;

	/**
	 * Persists under {@code baseDirectory}, which is created with the first write if missing.
	 *
	 * @param baseDirectory the directory that holds one directory per scope
	 */
	public DiskFileSystemPersistence(Path baseDirectory) {
		this.baseDirectory = Arguments.notNull(baseDirectory, "baseDirectory").toAbsolutePath().normalize();
	}

	/**
	 * The name of the directory of {@code scope} under the base directory, which is also a safe file
	 * name for anything else kept per scope; {@link InvalidScopeException} if the scope is invalid.
	 * It never starts with {@code .}.
	 */
	public static String directoryName(String scope) {
		FileSystemPaths.requireValidScope(scope);
		StringBuilder name = new StringBuilder(scope.length());
		for (int i = 0; i < scope.length(); i++) {
			char c = scope.charAt(i);
			boolean kept = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
					|| (c == '.' && i > 0);
			if (kept) {
				name.append(c);
			}
			else {
				// A valid scope is ASCII, so one byte is one character.
				name.append('%').append(HEX_DIGITS[c >> 4]).append(HEX_DIGITS[c & 0xF]);
			}
		}
		return name.toString();
	}

	@Override
	public void write(String scope, String path, byte[] content) throws IOException {
		Path target = fileOf(scope, path);
		Path staging = this.baseDirectory.resolve(STAGING_DIRECTORY);
		requireNoLink(scope, path, staging);
		Files.createDirectories(staging);
		Files.createDirectories(target.getParent());
		Path temporary = Files.createTempFile(staging, "write-", ".tmp");
		try {
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
				ByteBuffer buffer = ByteBuffer.wrap(content);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				// On disk before the move, so a crash leaves the old content or the new, never an empty file.
				channel.force(true);
			}
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	@Override
	public Optional<byte[]> read(String scope, String path) throws IOException {
		Path target = fileOf(scope, path);
		if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
			return Optional.empty();
		}
		try (InputStream in = Files.newInputStream(target, LinkOption.NOFOLLOW_LINKS)) {
			return Optional.of(in.readAllBytes());
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
	}

	@Override
	public void delete(String scope, String path) throws IOException {
		Path target = fileOf(scope, path);
		if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) || !Files.deleteIfExists(target)) {
			return;
		}
		Path scopeDirectory = this.baseDirectory.resolve(directoryName(scope));
		for (Path folder = target.getParent(); !folder.equals(scopeDirectory); folder = folder.getParent()) {
			try {
				Files.delete(folder);
			}
			catch (DirectoryNotEmptyException ex) {
				return;
			}
		}
	}

	@Override
	public List<StoredFile> list(String scope) throws IOException {
		Path scopeDirectory = this.baseDirectory.resolve(directoryName(scope));
		List<StoredFile> files = new ArrayList<>();
		if (!Files.isDirectory(scopeDirectory, LinkOption.NOFOLLOW_LINKS)) {
			return files;
		}
		// Without FOLLOW_LINKS the walk reports a link as a file of its own, whatever it points to.
		Files.walkFileTree(scopeDirectory, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
				if (attributes.isRegularFile()) {
					files.add(new StoredFile(pathOf(scopeDirectory.relativize(file)), attributes.size(),
							attributes.lastModifiedTime().toInstant()));
				}
				return FileVisitResult.CONTINUE;
			}

		});
		return files;
	}

	/**
	 * Where {@code path} of {@code scope} is stored, once {@code path} is known to follow the path
	 * rules and to go through no link.
	 */
	private Path fileOf(String scope, String path) {
		// The caller validated the path already; checked again because this is where a bad one would escape.
		FileSystemPaths.requireValidPath(scope, path, Integer.MAX_VALUE);
		Path target = this.baseDirectory.resolve(directoryName(scope)).resolve(path);
		requireNoLink(scope, path, target);
		return target;
	}

	/** Refuses {@code target} when it, or a directory between the base directory and it, is a symbolic link. */
	private void requireNoLink(String scope, String path, Path target) {
		Path current = this.baseDirectory;
		for (Path name : this.baseDirectory.relativize(target)) {
			current = current.resolve(name);
			if (Files.isSymbolicLink(current)) {
				throw new InvalidPathException(scope, path, "the path goes through a link");
			}
		}
	}

	/** {@code relative} as a {@code /}-separated path, whatever the platform's separator. */
	private static String pathOf(Path relative) {
		StringBuilder path = new StringBuilder();
		for (Path name : relative) {
			if (path.length() > 0) {
				path.append('/');
			}
			path.append(name);
		}
		return path.toString();
	}

}
