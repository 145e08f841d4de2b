package dev.sagents.codec;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which probe classes ran their static initializer. It lives apart from the probes, since
 * reading a field of a probe would itself initialize it.
 */
public final class InitializedClasses {

	private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

	private InitializedClasses() {
	}

	/** Called from a probe's static initializer. */
	public static void record(Class<?> probe) {
		NAMES.add(probe.getName());
	}

	/** Whether the class named {@code name} ran its static initializer. */
	public static boolean contains(String name) {
		return NAMES.contains(name);
	}

}
