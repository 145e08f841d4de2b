/**
 * The Hazelcast store ({@code sagents.persistence.store=hazelcast}, horde mode only): agent states
 * and file-system files in maps of the member sagents runs on, with backups, fenced by epochs kept
 * in the same entries. Every check and change is one entry processor on the entry's partition
 * owner, so a claim and a write of one key never interleave. Everything stored or sent here is a
 * sagents object serialized through {@link dev.sagents.horde.HordeSerializerHook}'s factory
 * ({@link dev.sagents.horde.persistence.StoreObjects}): no class name travels.
 */
package dev.sagents.horde.persistence;
