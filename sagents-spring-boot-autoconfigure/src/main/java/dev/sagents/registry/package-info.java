/**
 * The {@link dev.sagents.registry.ProcessRegistry}: unique keys to running processes, lookups, counts and listings
 * by kind, and its {@link dev.sagents.registry.RegistryState}; a registry that is starting or draining refuses
 * with {@link dev.sagents.registry.RegistryUnavailableException} rather than give a possibly wrong answer.
 */
package dev.sagents.registry;
