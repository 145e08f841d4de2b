package dev.sagents.persistence.disk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Run in a JVM of its own by {@link DiskFileSystemStoreTest}, as another node that claims many
 * file systems at once, again and again, on a directory it shares: prints {@code claiming}, then
 * one line per batch, {@code <scope>=<epoch>} for each scope, then {@code claimed}.
 */
public final class OtherJvmClaimAll {

	private OtherJvmClaimAll() {
	}

	/** @param args the base directory, how many batches, the scopes */
	public static void main(String[] args) throws IOException {
		DiskFileSystemStore store = new DiskFileSystemStore(Path.of(args[0]));
		List<String> scopes = Arrays.asList(args).subList(2, args.length);
		System.out.println("claiming");
		System.out.flush();
		for (int i = Integer.parseInt(args[1]); i > 0; i--) {
			Map<String, Long> claimed = store.claimAll(scopes);
			StringBuilder line = new StringBuilder();
			claimed.forEach((scope, epoch) -> line.append(scope).append('=').append(epoch).append(' '));
			System.out.println(line.toString().trim());
		}
		System.out.println("claimed");
		System.out.flush();
	}

}
