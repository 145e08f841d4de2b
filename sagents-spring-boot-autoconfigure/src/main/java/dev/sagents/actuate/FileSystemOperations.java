package dev.sagents.actuate;

import java.util.List;
import java.util.Map;

import dev.sagents.filesystem.FileSystemDetails;
import dev.sagents.filesystem.FileSystemRef;
import dev.sagents.filesystem.FileSystemSupervisor;
import dev.sagents.process.CallTimeoutException;
import dev.sagents.process.MailboxFullException;
import dev.sagents.process.ProcessNotRunningException;
import dev.sagents.registry.RegistryUnavailableException;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * What the {@code sagents} endpoint shows of one file system, wherever it runs: the node that hosts
 * it, its activation's epoch, how many files it holds and their total size, the first
 * {@link #MAX_PATHS} paths, and the configured store. The file system itself answers, through its
 * mailbox, so the listing is consistent with its writes. {@code 404} for a file system that does
 * not run, {@code 503} while this node cannot reach the registry, or the file system does not
 * answer within its call timeout or refuses the request for a full mailbox.
 */
public final class FileSystemOperations {

	/** How many paths a descriptor names at most; {@code files} counts them all. */
	public static final int MAX_PATHS = 100;

	private final FileSystemSupervisor supervisor;

	private final String store;

	/**
	 * @param supervisor finds file systems wherever they run
	 * @param store the store the file systems keep their files in, as configured
	 */
	public FileSystemOperations(FileSystemSupervisor supervisor, String store) {
		this.supervisor = supervisor;
		this.store = store;
	}

	/** File system {@code scope} as it sees itself now. */
	WebEndpointResponse<Object> inspect(String scope) {
		try {
			FileSystemRef fileSystem = this.supervisor.findFileSystem(scope).orElse(null);
			if (fileSystem == null) {
				return notRunning(scope);
			}
			FileSystemDetails details = fileSystem.describe(MAX_PATHS);
			return new WebEndpointResponse<>(new FileSystemDescriptor(scope, fileSystem.node(), details.epoch(),
					details.files(), details.totalSize(), details.paths(), details.paths().size() < details.files(),
					this.store));
		}
		catch (ProcessNotRunningException ex) {
			// It stopped between the lookup and the call.
			return notRunning(scope);
		}
		catch (RegistryUnavailableException | CallTimeoutException | MailboxFullException ex) {
			// Busy (its mailbox full) or out of reach for now: worth asking again later.
			return AgentOperations.error(WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE, ex);
		}
	}

	private static WebEndpointResponse<Object> notRunning(String scope) {
		return new WebEndpointResponse<>(Map.of("error", "File system '" + scope + "' is not running"),
				WebEndpointResponse.STATUS_NOT_FOUND);
	}

	/**
	 * One running file system as {@code /actuator/sagents/filesystems/{scope}} shows it.
	 *
	 * @param scope its scope
	 * @param node the node that hosts it
	 * @param epoch the epoch its activation claimed; {@code 0} where the storage does not fence
	 * @param files how many files it holds
	 * @param totalSize their size, in bytes
	 * @param paths the first {@value FileSystemOperations#MAX_PATHS} paths, sorted
	 * @param truncated whether it holds more files than {@code paths} names
	 * @param store the configured store ({@code sagents.persistence.store}: {@code disk}, {@code jdbc},
	 * {@code hazelcast} or {@code none}), or {@code application} when the application's own bean keeps the files
	 */
	public record FileSystemDescriptor(String scope, String node, long epoch, int files, long totalSize,
			List<String> paths, boolean truncated, String store) {
	}

}
