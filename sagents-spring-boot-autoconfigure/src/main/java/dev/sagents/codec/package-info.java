/**
 * How the application's messages, replies, events and states travel between members in horde mode
 * ({@link dev.sagents.codec.MessageCodec}): JSON through Jackson by default, or Hazelcast Compact for the classes of
 * the application's {@code CompactSerializer} beans, decoding only trusted types
 * ({@link dev.sagents.codec.TrustedTypes}); and what calls to an agent of this node go through so
 * that they succeed or fail as between members ({@link dev.sagents.codec.Transit}).
 */
package dev.sagents.codec;
