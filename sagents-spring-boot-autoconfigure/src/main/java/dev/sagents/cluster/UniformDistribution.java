package dev.sagents.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Optional;

import dev.sagents.process.Arguments;
import dev.sagents.process.ProcessKey;

/**
 * Placement: the owner of a process key among the members eligible to host it, by rendezvous
 * (highest random weight) hashing. Every node computes the same owner from the same member set,
 * keys spread uniformly, and when a member joins or leaves only the keys it wins or held move.
 */
public final class UniformDistribution {

	private UniformDistribution() {
	}

	/** The member of {@code candidates} (member ids) that owns {@code key}; empty if there is none. */
	public static Optional<String> owner(ProcessKey key, Collection<String> candidates) {
		Arguments.notNull(candidates, "candidates");
		long keyHash = hash(Arguments.notNull(key, "key").toString().getBytes(StandardCharsets.UTF_8), 0x9E3779B97F4A7C15L);
		String best = null;
		long bestWeight = 0;
		for (String candidate : candidates) {
			long weight = mix(keyHash ^ hash(candidate.getBytes(StandardCharsets.UTF_8), 0xC2B2AE3D27D4EB4FL));
			if (best == null || Long.compareUnsigned(weight, bestWeight) > 0
					|| (weight == bestWeight && candidate.compareTo(best) < 0)) {
				best = candidate;
				bestWeight = weight;
			}
		}
		return Optional.ofNullable(best);
	}

	/** FNV-1a over the bytes, then mixed, with a seed so key and member hashes are independent. */
	private static long hash(byte[] bytes, long seed) {
		long hash = 0xCBF29CE484222325L ^ seed;
		for (byte b : bytes) {
			hash ^= (b & 0xFF);
			hash *= 0x100000001B3L;
		}
		return mix(hash);
	}

	/** The 64-bit finalizer of MurmurHash3: spreads every input bit over the whole word. */
	private static long mix(long value) {
		long z = value;
		z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
		z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
		return z ^ (z >>> 33);
	}

}
