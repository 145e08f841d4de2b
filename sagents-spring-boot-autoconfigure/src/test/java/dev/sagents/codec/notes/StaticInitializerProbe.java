package dev.sagents.codec.notes;

import dev.sagents.codec.InitializedClasses;

/** A trusted class that tells whether resolving its name ran its static initializer. */
public final class StaticInitializerProbe {

	static {
		InitializedClasses.record(StaticInitializerProbe.class);
	}

	private StaticInitializerProbe() {
	}

}
