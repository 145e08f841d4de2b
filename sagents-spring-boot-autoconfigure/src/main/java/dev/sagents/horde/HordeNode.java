package dev.sagents.horde;

import dev.sagents.codec.MessageCodec;
import dev.sagents.local.LocalProcessRuntime;

/** (Being written: signatures are final, bodies are not.) */
public final class HordeNode {

	public HordeNode(HazelcastMemberProvider members, LocalProcessRuntime runtime, MessageCodec codec,
			HordeSettings settings) {
	}

}
