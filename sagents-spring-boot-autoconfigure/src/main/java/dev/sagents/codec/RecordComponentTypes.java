package dev.sagents.codec;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Whether JSON can bring back what a record's components hold: it names no types inside a value,
 * so the receiver creates each component as the type it is declared as. A component declared as
 * {@code Object}, as a type variable of the record itself, with a wildcard, or as a raw
 * {@code Iterable}, {@code List}, {@code Set}, {@code Map} or {@code Optional} would come back as
 * maps, lists, strings and numbers instead of what was sent; one declared as an interface or
 * abstract class (a collection interface of the application's included) could not be created at
 * all. A sealed interface or class of the application is named: its value travels under its class
 * name ({@link SealedTypeIds}), so each class it permits must be trusted, and sealed, final, a
 * record or an enum (a non-sealed one would open the set of names). Records
 * held in components, and those a sealed type permits, are checked too; a component annotated
 * with Jackson's {@link JsonTypeInfo}, or declared as a type annotated with it, names the type in
 * the JSON and is left to it. Classes other than records are what Jackson makes of them.
 */
final class RecordComponentTypes {

	/** What follows the declaration of a component JSON cannot name. */
	private static final String UNNAMED = ", which JSON cannot name, so it would arrive as maps, lists and strings;"
			+ " declare the type it holds (or annotate it with @JsonTypeInfo)";

	private final Predicate<String> trusted;

	/** @param trusted whether a class name is trusted, for the classes a sealed type permits */
	RecordComponentTypes(Predicate<String> trusted) {
		this.trusted = trusted;
	}

	/**
	 * Why JSON cannot bring back a value of {@code type} equal to what was sent, naming the
	 * component and what to do; {@code null} if it can, or {@code type} is no record.
	 */
	String refusal(Class<?> type) {
		return type.isRecord() ? refusal(type, false, new HashSet<>()) : null;
	}

	/**
	 * @param variablesBound whether the record's type variables are bound by the declaration that
	 * holds it ({@code Box<Note> box}), which Jackson follows
	 */
	private String refusal(Class<?> record, boolean variablesBound, Set<Class<?>> checked) {
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
								+ untyped;
			}
		}
		return null;
	}

	/**
	 * How {@code type} is declared, and why and what to do, if JSON cannot bring back what it holds;
	 * a nested record's whole refusal; else {@code null}.
	 */
	private String untyped(Type type, boolean variablesBound, Set<Class<?>> checked) {
		if (type instanceof Class<?> declared) {
			if (declared == Object.class) {
				return "Object" + UNNAMED;
			}
			if (declared.isArray()) {
				return untyped(declared.getComponentType(), variablesBound, checked);
			}
			if (declared.getTypeParameters().length > 0 && (Iterable.class.isAssignableFrom(declared)
					|| Map.class.isAssignableFrom(declared) || declared == Optional.class)) {
				return "a raw " + declared.getName() + UNNAMED;
			}
			if (SealedTypeIds.travelsByName(declared)) {
				return declared.isAnnotationPresent(JsonTypeInfo.class) ? null
						: permittedRefusal(declared, declared, checked);
			}
			if (isAbstract(declared)) {
				return unnamedAbstract(declared);
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
			return (bound == Object.class) ? "type variable " + variable.getName() + UNNAMED
					: untyped(bound, false, checked);
		}
		if (type instanceof WildcardType wildcard) {
			Type bound = wildcard.getUpperBounds()[0];
			return (bound == Object.class) ? "a wildcard" + UNNAMED : untyped(bound, variablesBound, checked);
		}
		if (type instanceof GenericArrayType array) {
			return untyped(array.getGenericComponentType(), variablesBound, checked);
		}
		return null;
	}

	/**
	 * Why a value declared as the sealed {@code declared} could not travel, looking at the classes
	 * {@code sealed} (it, or a sealed class it permits) permits; {@code null} if it can.
	 */
	private String permittedRefusal(Class<?> declared, Class<?> sealed, Set<Class<?>> checked) {
		for (Class<?> permitted : sealed.getPermittedSubclasses()) {
			String refusal = null;
			if (!this.trusted.test(permitted.getName())) {
				refusal = "is not trusted; trust its package (" + permitted.getPackageName()
						+ ") with sagents.codec.trusted-packages";
			}
			else if (SealedTypeIds.travelsByName(permitted)) {
				refusal = permittedRefusal(declared, permitted, checked);
			}
			else if (!permitted.isEnum() && !Modifier.isFinal(permitted.getModifiers())) {
				refusal = "is non-sealed, so the classes a value may have are not a closed set JSON can name; make"
						+ " it sealed or final";
			}
			else if (permitted.isRecord()) {
				refusal = refusal(permitted, false, checked);
			}
			if (refusal != null) {
				return refusal.startsWith("its component") ? refusal
						: describe(declared) + ", whose permitted subclass " + permitted.getName() + " " + refusal;
			}
		}
		return null;
	}

	/**
	 * Why an interface or abstract class JSON cannot name the class of cannot travel; {@code null}
	 * if it can: the JDK's {@code ZoneId} and {@code Path}, which Jackson reads from a string, and a
	 * type annotated with {@link JsonTypeInfo}. A collection or map interface of the application
	 * is refused: Jackson could not create it.
	 */
	private static String unnamedAbstract(Class<?> declared) {
		if (declared == ZoneId.class || declared == Path.class || declared.isAnnotationPresent(JsonTypeInfo.class)) {
			return null;
		}
		return describe(declared) + ", which JSON cannot name the class of, so no member could create it;"
				+ " make it a sealed interface or class (its permitted subclasses then travel under their names),"
				+ " declare the class it holds, or annotate it with @JsonTypeInfo";
	}

	/** {@code sealed interface com.example.Pay}, {@code abstract class com.example.Shape}, ... */
	private static String describe(Class<?> declared) {
		String kind = declared.isInterface() ? "interface " : isAbstract(declared) ? "abstract class " : "class ";
		return (declared.isSealed() ? "sealed " : "") + kind + declared.getName();
	}

	/** An interface or abstract class; a primitive, which the JDK marks abstract too, is neither. */
	private static boolean isAbstract(Class<?> type) {
		return type.isInterface() || (!type.isPrimitive() && Modifier.isAbstract(type.getModifiers()));
	}

}
