package dev.sagents.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import tools.jackson.databind.AnnotationIntrospector;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedClass;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.NamedType;

/**
 * Lets a value declared as one of the application's sealed interfaces or classes travel as JSON:
 * it is written with its class name in the property {@value #PROPERTY}, and read back only as
 * one of the trusted classes the sealed type permits. The names are a closed set, known before
 * any payload arrives, so a name from the network is matched against it and never loaded: a name
 * outside it fails decoding. The annotations of the application's mapper come first: a sealed type
 * annotated with {@link JsonTypeInfo} travels as it says.
 */
final class SealedTypeIds extends NopAnnotationIntrospector {

	/** The JSON property that holds the class name of a value declared as a sealed type. */
	static final String PROPERTY = "@type";

	private static final JsonTypeInfo.Value BY_NAME = JsonTypeInfo.Value.construct(JsonTypeInfo.Id.NAME,
			JsonTypeInfo.As.PROPERTY, PROPERTY, null, false, null);

	private final transient Predicate<String> trusted;

	private SealedTypeIds(Predicate<String> trusted) {
		this.trusted = trusted;
	}

	/**
	 * {@code mapper}, but writing and reading values declared as a sealed type with their class
	 * name among those {@code trusted} accepts.
	 */
	static JsonMapper applyTo(JsonMapper mapper, Predicate<String> trusted) {
		JsonMapper.Builder builder = mapper.rebuild();
		return builder
			.annotationIntrospector(AnnotationIntrospector.pair(builder.annotationIntrospector(), new SealedTypeIds(trusted)))
			.build();
	}

	/**
	 * Whether values declared as {@code type} travel under the name of their class: a sealed class
	 * or interface of the application. Enums (sealed when their constants have bodies) travel as
	 * their constants; the JDK's sealed types (such as {@code ZoneId} from Java 25) as Jackson
	 * writes them.
	 */
	static boolean travelsByName(Class<?> type) {
		if (!type.isSealed() || type.isEnum()) {
			return false;
		}
		ClassLoader loader = type.getClassLoader();
		return loader != null && loader != ClassLoader.getPlatformClassLoader();
	}

	@Override
	public JsonTypeInfo.Value findPolymorphicTypeInfo(MapperConfig<?> config, Annotated annotated) {
		return (annotated instanceof AnnotatedClass type && travelsByName(type.getRawType())) ? BY_NAME : null;
	}

	/** The permitted subclasses the application trusts, each under its class name. */
	@Override
	public List<NamedType> findSubtypes(MapperConfig<?> config, Annotated annotated) {
		if (!(annotated instanceof AnnotatedClass type) || !travelsByName(type.getRawType())) {
			return null;
		}
		List<NamedType> subtypes = new ArrayList<>();
		for (Class<?> permitted : type.getRawType().getPermittedSubclasses()) {
			if (this.trusted.test(permitted.getName())) {
				subtypes.add(new NamedType(permitted, permitted.getName()));
			}
		}
		return subtypes;
	}

}
