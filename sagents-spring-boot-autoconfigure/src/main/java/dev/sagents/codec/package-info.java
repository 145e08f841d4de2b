/**
 * How the application's messages, replies, events and states travel between members in horde mode
 * ({@link dev.sagents.codec.MessageCodec}): JSON through Jackson by default, decoding only trusted
 * types ({@link dev.sagents.codec.TrustedTypes}); and what calls to an agent of this node go
 * through so that they succeed or fail as between members ({@link dev.sagents.codec.Transit}).
 * This package imports no Hazelcast: the local backend uses it too. Hazelcast's Compact format is
 * in {@link dev.sagents.codec.compact}.
 */
package dev.sagents.codec;
