package dev.sagents.codec;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Whether JSON can bring back what a record's components hold: it names no types inside a value,
 * so the receiver creates each component as the type it is declared as. A component declared as
 * {@code Object}, as a type variable of the record itself, with a wildcard, or as a raw
 * {@code List}, {@code Set}, {@code Map} or {@code Optional} would come back as maps, lists,
 * strings and numbers instead of what was sent. Records held in components are checked too; a
 * component annotated with Jackson's {@link JsonTypeInfo}, which names the type in the JSON, is
 * left to it. Classes other than records are what Jackson makes of them.
 */
final class RecordComponentTypes {

	private RecordComponentTypes() {
	}

	/**
	 * Why JSON cannot bring back a value of {@code type} equal to what was sent, naming the
	 * component and what to do; {@code null} if it can, or {@code type} is no record.
	 */
	static String refusal(Class<?> type) {
		return type.isRecord() ? refusal(type, false, new HashSet<>()) : null;
	}

	/**
	 * @param variablesBound whether the record's type variables are bound by the declaration that
	 * holds it ({@code Box<Note> box}), which Jackson follows
	 */
	private static String refusal(Class<?> record, boolean variablesBound, Set<Class<?>> checked) {
		if (!checked.add(record)) {
			return null;
		}
		for (RecordComponent component : record.getRecordComponents()) {
			if (component.getAccessor().isAnnotationPresent(JsonTypeInfo.class)) {
				continue;
			}
			String untyped = untyped(component.getGenericType(), variablesBound, checked);
			if (untyped != null) {
				return untyped.startsWith("its component") ? untyped
						: "its component '" + component.getName() + "' (in " + record.getName() + ") is declared as "
								+ untyped + ", which JSON cannot name, so it would arrive as maps, lists and strings;"
								+ " declare the type it holds (or annotate it with @JsonTypeInfo)";
			}
		}
		return null;
	}

	/** How {@code type} is declared if JSON cannot name what it holds; else {@code null}. */
	private static String untyped(Type type, boolean variablesBound, Set<Class<?>> checked) {
		if (type instanceof Class<?> declared) {
			if (declared == Object.class) {
				return "Object";
			}
			if (declared.isArray()) {
				return untyped(declared.getComponentType(), variablesBound, checked);
			}
			if (declared.getTypeParameters().length > 0 && (Collection.class.isAssignableFrom(declared)
					|| Map.class.isAssignableFrom(declared) || declared == Optional.class)) {
				return "a raw " + declared.getName();
			}
			return declared.isRecord() ? refusal(declared, false, checked) : null;
		}
		if (type instanceof ParameterizedType parameterized) {
			for (Type argument : parameterized.getActualTypeArguments()) {
				String untyped = untyped(argument, variablesBound, checked);
				if (untyped != null) {
					return untyped;
				}
			}
			Class<?> raw = (Class<?>) parameterized.getRawType();
			return raw.isRecord() ? refusal(raw, true, checked) : null;
		}
		if (type instanceof TypeVariable<?> variable) {
			Type bound = variable.getBounds()[0];
			if (variablesBound) {
				return null;
			}
			return (bound == Object.class) ? "type variable " + variable.getName() : untyped(bound, false, checked);
		}
		if (type instanceof WildcardType wildcard) {
			Type bound = wildcard.getUpperBounds()[0];
			return (bound == Object.class) ? "a wildcard" : untyped(bound, variablesBound, checked);
		}
		if (type instanceof GenericArrayType array) {
			return untyped(array.getGenericComponentType(), variablesBound, checked);
		}
		return null;
	}

}
