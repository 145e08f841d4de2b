package dev.sagents.local;

import java.time.Duration;

import dev.sagents.supervisor.RestartIntensity;

/**
 * What every process of one local supervisor shares: its restart intensity, the timeout of a call
 * that names none, and the listener told of what the supervisor hosts. One instance per
 * supervisor, so a process holds one reference to it rather than a copy of each (a field less per
 * idle agent).
 *
 * @param restartIntensity how often a process may restart before it is given up
 * @param callTimeout how long a call that names no timeout waits for its reply
 * @param hosting told when a process starts, ends for good, or ends with casts undelivered
 */
record HostingTerms(RestartIntensity restartIntensity, Duration callTimeout, HostingListener hosting) {
}
