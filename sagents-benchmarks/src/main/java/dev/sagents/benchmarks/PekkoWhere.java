package dev.sagents.benchmarks;

import java.nio.charset.StandardCharsets;

import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * The one message of the Pekko mode's entities ({@link PekkoNode}): asks the entity which node it
 * runs on, as {@link Counter#WHERE} asks a sagents agent; the answer, a {@code String}, goes to
 * {@code replyTo}. {@link Serializer} carries it between nodes.
 */
record PekkoWhere(ActorRef<String> replyTo) {

	/**
	 * Writes the reply-to address as text (Pekko's own format) and reads nothing else: no class is
	 * instantiated from the wire. Bound to {@link PekkoWhere} in {@link PekkoNode}'s configuration.
	 */
	public static final class Serializer extends SerializerWithStringManifest {

		private static final String MANIFEST = "W";

		private final ActorRefResolver resolver;

		public Serializer(ExtendedActorSystem system) {
			this.resolver = ActorRefResolver.get(Adapter.toTyped(system));
		}

		@Override
		public int identifier() {
			return 0x5A6E7450;
		}

		@Override
		public String manifest(Object message) {
			return MANIFEST;
		}

		@Override
		public byte[] toBinary(Object message) {
			return this.resolver.toSerializationFormat(((PekkoWhere) message).replyTo())
				.getBytes(StandardCharsets.UTF_8);
		}

		@Override
		public Object fromBinary(byte[] bytes, String manifest) {
			if (!MANIFEST.equals(manifest)) {
				throw new IllegalArgumentException("Unknown benchmark message " + manifest);
			}
			return new PekkoWhere(this.resolver.resolveActorRef(new String(bytes, StandardCharsets.UTF_8)));
		}

	}

}
