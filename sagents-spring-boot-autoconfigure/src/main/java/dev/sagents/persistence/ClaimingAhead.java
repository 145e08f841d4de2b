package dev.sagents.persistence;

import java.util.Collection;

/**
 * Storage that can claim the epochs of processes about to start here ahead of their activations,
 * together, so that each activation takes its epoch instead of a round trip of its own: what a
 * node starting many processes at once (a failover, a handoff) asks of the agents' and the file
 * systems' storage alike. Where the storage does not fence, claiming ahead does nothing.
 */
public interface ClaimingAhead {

	/**
	 * Claims, together, the next epochs of the processes of {@code ids} (agent ids, file-system
	 * scopes) about to start here, so that their activations take them (where the storage fences;
	 * otherwise nothing). One that does not start after all is {@linkplain #dropClaimAhead dropped}.
	 */
	default void claimAhead(Collection<String> ids) throws Exception {
	}

	/** Drops the epoch claimed ahead for {@code id}, whose process does not start here after all. */
	default void dropClaimAhead(String id) {
	}

}
