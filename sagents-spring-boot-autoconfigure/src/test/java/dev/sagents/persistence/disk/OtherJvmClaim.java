package dev.sagents.persistence.disk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Run in a JVM of its own by {@link DiskFileSystemStoreTest}, as the next owner of a file system
 * on another JVM that shares the directory: claims the scope, then writes one file under its
 * epoch. Prints {@code claiming} before the claim and {@code claimed <epoch>} after the write.
 */
public final class OtherJvmClaim {

	private OtherJvmClaim() {
	}

	/** @param args the base directory, the scope, the path, the content */
	public static void main(String[] args) throws IOException {
		DiskFileSystemStore store = new DiskFileSystemStore(Path.of(args[0]));
		System.out.println("claiming");
		System.out.flush();
		long epoch = store.claim(args[1]);
		store.write(args[1], epoch, args[2], args[3].getBytes(StandardCharsets.UTF_8));
		System.out.println("claimed " + epoch);
		System.out.flush();
	}

}
