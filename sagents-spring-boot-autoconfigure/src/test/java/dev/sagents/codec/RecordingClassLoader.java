package dev.sagents.codec;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Loads through the test's class loader and remembers every name it was asked for. */
public class RecordingClassLoader extends ClassLoader {

	private final List<String> requested = new CopyOnWriteArrayList<>();

	public RecordingClassLoader() {
		super(RecordingClassLoader.class.getClassLoader());
	}

	@Override
	protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
		this.requested.add(name);
		return super.loadClass(name, resolve);
	}

	/** The names it was asked to load, in order. */
	public List<String> requested() {
		return this.requested;
	}

}
