/**
 * Hazelcast's Compact format for the classes of the application's {@code CompactSerializer}
 * beans, every other value as JSON ({@link dev.sagents.codec.compact.CompactMessageCodec}),
 * decoding no class but through the serializers' type names.
 */
package dev.sagents.codec.compact;
