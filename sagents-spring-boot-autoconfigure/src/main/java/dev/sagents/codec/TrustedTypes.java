package dev.sagents.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.sagents.agent.AgentEvent;
import dev.sagents.agent.AgentInfo;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentStatus;
import dev.sagents.cluster.Member;
import dev.sagents.cluster.MemberStatus;
import dev.sagents.filesystem.FileEntry;
import dev.sagents.filesystem.FileSystemCommand;
import dev.sagents.filesystem.FileSystemInfo;
import dev.sagents.process.Arguments;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessKind;
import dev.sagents.supervisor.ExitReason;
import dev.sagents.supervisor.ProcessFailure;

/**
 * Decides which type names a codec may decode, and resolves those to classes. A name from the
 * network is checked first and loaded only once it is trusted, so a value cannot make a node load,
 * let alone initialize, a class it does not trust.
 *
 * <p>Trusted are:
 * <ul>
 * <li>always: {@code String}, the boxed primitives, {@code byte[]}, {@code BigDecimal},
 * {@code BigInteger}, {@code UUID}, the {@code java.time} value types, and the library's own
 * values that travel between members (file-system commands, {@link FileEntry}, agent events,
 * {@link AgentSpec}, {@link AgentStatus}, {@link ExitReason}, ...), listed one by one rather than
 * trusting all of {@code dev.sagents};</li>
 * <li>the classes the application names;</li>
 * <li>every class under the packages the application names: {@code com.example.notes} trusts
 * {@code com.example.notes.Note} and {@code com.example.notes.v2.Note}, but not
 * {@code com.example.notesevil.Note}.</li>
 * </ul>
 *
 * <p>Trusted packages are meant to be the application's own. Whatever Jackson instantiates while
 * decoding one of their types (through its creators and setters, or a polymorphic field annotated
 * with {@code @JsonTypeInfo(use = CLASS)}) is trusted along with it, which is why well-known gadget
 * classes are not filtered here, and why the packages of the JDK ({@code java}, {@code javax},
 * {@code jdk}, {@code sun}, {@code com.sun}) cannot be trusted wholesale. Do not trust the packages
 * of third-party libraries; name their value classes one by one instead. A field declared as a
 * sealed type is the exception: the JSON codec creates its value only as a trusted class the type
 * permits.
 *
 * <p>Names with characters a class name cannot have are refused, and so are arrays (but
 * {@code byte[]}) and primitives: a codec resolves the component of an array, and each type a
 * container's {@link TypeName} names, here one by one. Resolved classes are cached, so checking a name that was seen before is one map
 * lookup; names that fail to resolve are not cached, so random names cannot grow the cache.
 */
public final class TrustedTypes {

	private static final List<Class<?>> ALWAYS_TRUSTED = alwaysTrusted();

	private static final List<String> PLATFORM_PACKAGES = List.of("java", "javax", "jdk", "sun", "com.sun");

	private final List<String> packagePrefixes;

	private final ClassLoader classLoader;

	private final ConcurrentMap<String, Class<?>> resolved = new ConcurrentHashMap<>();

	/**
	 * Trusts the types that are always trusted, plus {@code classes} and every class under
	 * {@code packages}.
	 *
	 * @param packages package names, such as {@code com.example.notes}; none may be or contain a
	 * JDK package
	 * @param classes classes to trust one by one; neither arrays (but {@code byte[]}) nor primitives
	 * @param classLoader the application's class loader, which resolves names under {@code packages}
	 * @throws IllegalArgumentException if a package name is malformed or covers the JDK, or a class
	 * is an array or a primitive
	 */
	public TrustedTypes(Collection<String> packages, Collection<? extends Class<?>> classes, ClassLoader classLoader) {
		this.packagePrefixes = packages.stream().map(TrustedTypes::packagePrefix).toList();
		this.classLoader = Arguments.notNull(classLoader, "classLoader");
		ALWAYS_TRUSTED.forEach(this::trust);
		classes.forEach(this::trust);
	}

	/** Whether a value of the type named {@code typeName} may be decoded. Loads no class. */
	public boolean isTrusted(String typeName) {
		return typeName != null && (this.resolved.containsKey(typeName) || isUnderTrustedPackage(typeName));
	}

	/**
	 * The class named {@code typeName}, loaded without being initialized if this is the first time.
	 *
	 * @throws UntrustedTypeException if the name is not trusted (no class was loaded)
	 * @throws MessageDecodingException if it is trusted but names no class this node has
	 */
	public Class<?> resolve(String typeName) {
		Class<?> type = (typeName != null) ? this.resolved.get(typeName) : null;
		if (type != null) {
			return type;
		}
		if (typeName == null || !isUnderTrustedPackage(typeName)) {
			throw new UntrustedTypeException(typeName);
		}
		try {
			// Not initialized: static initializers run only once Jackson actually builds a value.
			type = Class.forName(typeName, false, this.classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new MessageDecodingException(typeName, "no such class on this node", ex);
		}
		this.resolved.put(typeName, type);
		return type;
	}

	private void trust(Class<?> type) {
		if (type.isPrimitive() || (type.isArray() && type != byte[].class)) {
			throw new IllegalArgumentException("Cannot trust " + type.getTypeName()
					+ ": arrays (but byte[]) and primitives are never decoded; wrap them in a record");
		}
		this.resolved.put(type.getName(), type);
	}

	private boolean isUnderTrustedPackage(String typeName) {
		if (!isDottedName(typeName)) {
			return false;
		}
		for (String prefix : this.packagePrefixes) {
			if (typeName.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/** {@code com.example.notes} becomes {@code com.example.notes.}, so the match ends on a dot. */
	private static String packagePrefix(String packageName) {
		if (packageName == null || !isDottedName(packageName)) {
			throw new IllegalArgumentException("'" + packageName + "' is not a package name");
		}
		for (String platformPackage : PLATFORM_PACKAGES) {
			if (covers(packageName, platformPackage) || covers(platformPackage, packageName)) {
				throw new IllegalArgumentException("Cannot trust package '" + packageName
						+ "': it overlaps the JDK's '" + platformPackage
						+ "'; trust the JDK classes you need one by one");
			}
		}
		return packageName + ".";
	}

	/** Whether package {@code outer} is {@code inner} or one of its parents. */
	private static boolean covers(String outer, String inner) {
		return inner.equals(outer) || inner.startsWith(outer + ".");
	}

	/**
	 * Whether {@code name} is dot-separated Java identifiers ({@code $} included, for nested
	 * classes): no slashes, brackets, spaces, control characters or empty segments.
	 */
	private static boolean isDottedName(String name) {
		boolean segmentStart = true;
		for (int i = 0; i < name.length(); i++) {
			char character = name.charAt(i);
			if (character == '.' && !segmentStart) {
				segmentStart = true;
			}
			else if (Character.isIdentifierIgnorable(character) || !(segmentStart
					? Character.isJavaIdentifierStart(character) : Character.isJavaIdentifierPart(character))) {
				return false;
			}
			else {
				segmentStart = false;
			}
		}
		return !segmentStart;
	}

	private static List<Class<?>> alwaysTrusted() {
		List<Class<?>> types = new ArrayList<>(List.of(String.class, Boolean.class, Byte.class, Short.class,
				Integer.class, Long.class, Float.class, Double.class, Character.class, byte[].class,
				BigDecimal.class, BigInteger.class, UUID.class));
		types.addAll(List.of(Instant.class, Duration.class, Period.class, LocalDate.class, LocalTime.class,
				LocalDateTime.class, OffsetDateTime.class, OffsetTime.class, ZonedDateTime.class, ZoneId.class, ZoneOffset.class,
				Year.class, YearMonth.class, MonthDay.class, Month.class, DayOfWeek.class));
		types.addAll(List.of(FileEntry.class, FileSystemInfo.class, AgentSpec.class, AgentStatus.class,
				AgentInfo.class, ExitReason.class, ProcessKey.class, ProcessKind.class, ProcessFailure.class,
				Member.class, MemberStatus.class));
		// The sealed hierarchies list their own records, so a new command or event is trusted as it is added.
		types.addAll(Arrays.asList(FileSystemCommand.class.getPermittedSubclasses()));
		types.addAll(Arrays.asList(AgentEvent.class.getPermittedSubclasses()));
		return List.copyOf(types);
	}

}
