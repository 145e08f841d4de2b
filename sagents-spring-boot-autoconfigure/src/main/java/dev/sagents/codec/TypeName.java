package dev.sagents.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * The name of a value's type as it travels ({@link EncodedValue#type()}): a class name, such as
 * {@code com.example.Note}; an array, such as {@code int[]} or {@code com.example.Note[][]}; or a
 * container with the types of what it holds, such as {@code java.util.List<com.example.Note>} or
 * {@code java.util.Map<java.lang.String,java.util.Optional<com.example.Note>>}. {@code ?} stands
 * for the type of elements a container did not have (it was empty, or held only {@code null}).
 * {@code byte[]}, which is trusted as a class, also travels as its class name, {@code [B}.
 *
 * <p>Parsing checks the syntax only, and refuses names longer than {@value #MAX_LENGTH} characters
 * or nested deeper than {@value #MAX_DEPTH} levels; which names are trusted is for the codec to
 * decide, class name by class name.
 *
 * @param name a class name, a primitive type's name (the component of an array only), or
 * {@code ?}
 * @param arguments the types a container holds, in order; empty for any other type
 * @param dimensions how many array dimensions it has ({@code 0} for a type that is no array)
 */
record TypeName(String name, List<TypeName> arguments, int dimensions) {

	/** The type of elements a container did not have. */
	static final TypeName UNKNOWN = new TypeName("?", List.of(), 0);

	/** The longest name {@link #parse} reads. */
	static final int MAX_LENGTH = 4096;

	/** The deepest nesting of containers and array dimensions {@link #parse} reads. */
	static final int MAX_DEPTH = 16;

	/** The name of {@code byte[]} as a trusted class. */
	static final String BYTES = byte[].class.getName();

	TypeName {
		arguments = List.copyOf(arguments);
	}

	/** A class's name, as {@link Class#getName()} gives it; no container, no array. */
	static TypeName of(String className) {
		return new TypeName(className, List.of(), 0);
	}

	/** A container of {@code arguments}, such as {@code java.util.List} of one element type. */
	static TypeName of(String containerName, TypeName... arguments) {
		return new TypeName(containerName, List.of(arguments), 0);
	}

	/** Whether this names one class, with neither type arguments nor array dimensions. */
	boolean isClass() {
		return this.arguments.isEmpty() && this.dimensions == 0;
	}

	@Override
	public String toString() {
		if (isClass()) {
			return this.name;
		}
		StringBuilder text = new StringBuilder(this.name);
		if (!this.arguments.isEmpty()) {
			text.append('<');
			for (int i = 0; i < this.arguments.size(); i++) {
				text.append((i > 0) ? "," : "").append(this.arguments.get(i));
			}
			text.append('>');
		}
		text.append("[]".repeat(this.dimensions));
		return text.toString();
	}

	/**
	 * Parses a name {@link #toString()} wrote.
	 *
	 * @throws UntrustedTypeException if {@code text} is not such a name, or is too long or too
	 * deeply nested
	 */
	static TypeName parse(String text) {
		if (text == null || text.length() > MAX_LENGTH) {
			throw new UntrustedTypeException(text);
		}
		Parser parser = new Parser(text);
		TypeName type = parser.type(0);
		if (parser.position != text.length() || type == UNKNOWN) {
			throw new UntrustedTypeException(text);
		}
		return type;
	}

	/** A recursive-descent parser over one name. */
	private static final class Parser {

		private final String text;

		private int position;

		Parser(String text) {
			this.text = text;
		}

		TypeName type(int depth) {
			if (accept('?')) {
				return UNKNOWN;
			}
			String name = name();
			List<TypeName> arguments = new ArrayList<>();
			if (accept('<')) {
				do {
					arguments.add(type(depth + 1));
				}
				while (accept(','));
				expect('>');
			}
			int dimensions = 0;
			while (accept('[')) {
				expect(']');
				dimensions++;
			}
			// Checked once the arguments are read: MAX_LENGTH bounds how deep the parser recurses.
			if (depth + dimensions > MAX_DEPTH || (dimensions > 0 && !arguments.isEmpty())) {
				throw new UntrustedTypeException(this.text);
			}
			return new TypeName(name, arguments, dimensions);
		}

		/** A dotted name, or {@code [B}; whether it names a trusted class is checked later. */
		private String name() {
			int start = this.position;
			if (this.text.startsWith(BYTES, start)) {
				this.position += BYTES.length();
				return BYTES;
			}
			while (this.position < this.text.length() && (this.text.charAt(this.position) == '.'
					|| Character.isJavaIdentifierPart(this.text.charAt(this.position)))) {
				this.position++;
			}
			if (this.position == start) {
				throw new UntrustedTypeException(this.text);
			}
			return this.text.substring(start, this.position);
		}

		private boolean accept(char expected) {
			if (this.position < this.text.length() && this.text.charAt(this.position) == expected) {
				this.position++;
				return true;
			}
			return false;
		}

		private void expect(char expected) {
			if (!accept(expected)) {
				throw new UntrustedTypeException(this.text);
			}
		}

	}

}
