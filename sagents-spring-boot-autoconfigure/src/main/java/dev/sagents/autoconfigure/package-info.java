/**
 * The auto-configuration: the {@code sagents.*} properties with their validation and failure analysis, the core
 * beans, and the beans of the backend {@code sagents.distribution} chooses (local, or horde with its codec and
 * Hazelcast member).
 */
package dev.sagents.autoconfigure;
