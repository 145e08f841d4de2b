package dev.sagents.codec.compactevil;

import dev.sagents.codec.InitializedClasses;

/**
 * A class whose name hostile Compact bytes give as the type name of a record nested in a trusted
 * one: decoding must never load it, let alone initialize it. Only its name is ever used, as a string.
 */
public final class NestedCompactGadget {

	static {
		InitializedClasses.record(NestedCompactGadget.class);
	}

	private NestedCompactGadget() {
	}

}
