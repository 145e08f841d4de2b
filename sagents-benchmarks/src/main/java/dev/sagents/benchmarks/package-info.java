/**
 * The benchmarks: local and horde modes, Hazelcast alone as the yardstick, the member JVMs they drive, and how
 * failover is measured. They print figures and assert nothing.
 */
package dev.sagents.benchmarks;
