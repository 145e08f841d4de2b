package dev.sagents.horde;

import java.time.Duration;

import dev.sagents.filesystem.FileSystemRef;
import dev.sagents.process.ProcessKey;

/** A file system hosted on another member: each method is one call to it. */
final class HordeFileSystemRef extends HordeProcessRef implements FileSystemRef {

	HordeFileSystemRef(ProcessCalls calls, ProcessKey key, String host, String hostNode, Duration callTimeout) {
		super(calls, key, host, hostNode, callTimeout);
	}

}
