package dev.sagents.persistence;

import dev.sagents.codec.EncodedValue;

/**
 * An agent's state as a store holds it, with the epoch of the newest activation that claimed it.
 *
 * @param epoch the newest claimed epoch (1 after the first claim)
 * @param state the state as the codec wrote it, or {@code null} when none was written yet
 */
public record StoredState(long epoch, EncodedValue state) {
}
