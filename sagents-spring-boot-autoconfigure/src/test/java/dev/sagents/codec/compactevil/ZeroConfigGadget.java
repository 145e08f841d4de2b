package dev.sagents.codec.compactevil;

import dev.sagents.codec.InitializedClasses;

/**
 * The control: a class that Hazelcast's own Compact deserialization loads, initializes and
 * instantiates when bytes name it, which shows that the probe detects what the codec avoids.
 */
public final class ZeroConfigGadget {

	static {
		InitializedClasses.record(ZeroConfigGadget.class);
	}

	/** Hazelcast's zero-config Compact instantiates it through this constructor. */
	public ZeroConfigGadget() {
	}

}
