package dev.sagents.persistence;

import java.io.IOException;
import java.util.Collection;

import dev.sagents.process.Arguments;

/**
 * File systems' storage over a {@link FileSystemStore}, fenced: each activation claims its scope's
 * next epoch, and its writes and deletes carry it ({@link ClaimedFiles}). File systems about to
 * start together are claimed ahead together ({@link ClaimsTogether}, {@link ClaimsAhead}), and
 * their activations take those epochs.
 */
final class FencedFileSystemStorage implements FileSystemStorage {

	private final FileSystemStore store;

	private final ClaimsAhead<Long> claimsAhead;

	FencedFileSystemStorage(FileSystemStore store) {
		this.store = Arguments.notNull(store, "store");
		this.claimsAhead = new ClaimsAhead<>(store::claimAll, Long::longValue);
	}

	@Override
	public FileSystemActivation activate(String scope) throws IOException {
		Long claimed = this.claimsAhead.take(scope);
		long epoch = (claimed != null) ? claimed : this.store.claim(scope);
		return new FileSystemActivation(epoch, new ClaimedFiles(this.store, scope, epoch));
	}

	@Override
	public void claimAhead(Collection<String> scopes) throws Exception {
		this.claimsAhead.claim(scopes);
	}

	@Override
	public void dropClaimAhead(String scope) {
		this.claimsAhead.drop(scope);
	}

}
