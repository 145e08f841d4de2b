package dev.sagents.codec.notesevil;

import dev.sagents.codec.InitializedClasses;

/**
 * A class in a package whose name starts like the trusted {@code dev.sagents.codec.notes}: it must
 * never be loaded, let alone initialized, by decoding.
 */
public final class Gadget {

	static {
		InitializedClasses.record(Gadget.class);
	}

	private Gadget() {
	}

}
