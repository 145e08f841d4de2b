package dev.sagents.codec.compactevil;

import dev.sagents.codec.InitializedClasses;

/**
 * A class whose name hostile Compact bytes give as their type name: decoding must never load it,
 * let alone initialize it. Only its name is ever used, as a string.
 */
public final class CompactGadget {

	static {
		InitializedClasses.record(CompactGadget.class);
	}

	private CompactGadget() {
	}

}
