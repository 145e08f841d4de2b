package dev.sagents.supervisor;

import java.time.Instant;

import dev.sagents.process.ProcessKey;

/**
 * A process that crashed more often than its restart limit allows and was given up; kept so the
 * actuator endpoint can show it.
 *
 * @param key the process
 * @param node the node it ran on
 * @param at when it was given up
 * @param restarts how many restarts happened within the window
 * @param lastError the last handler exception, as {@code ClassName: message}
 */
public record ProcessFailure(ProcessKey key, String node, Instant at, int restarts, String lastError) {
}
