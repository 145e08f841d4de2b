package dev.sagents.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import tools.jackson.databind.AnnotationIntrospector;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedClass;
import tools.jackson.databind.introspect.AnnotationIntrospectorPair;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.NamedType;

/**
 * Lets a value declared as one of the application's sealed interfaces or classes travel as JSON:
 * it is written with its class name in the property {@value #PROPERTY}, and read back only as
 * one of the trusted classes the sealed type permits. The names are a closed set, known before
 * any payload arrives, so a name from the network is matched against it and never loaded: a name
 * outside it fails decoding. The application's mapper's annotation introspector is asked first:
 * a sealed type annotated with {@link JsonTypeInfo} travels as it says. For the others, this
 * replaces the list of subtypes Jackson finds itself (every permitted subclass, trusted or not,
 * under its short name) with the trusted ones under their class names.
 */
final class SealedTypeIds extends AnnotationIntrospectorPair {

	private static final long serialVersionUID = 1L;

	/** The JSON property that holds the class name of a value declared as a sealed type. */
	static final String PROPERTY = "@type";

	private static final JsonTypeInfo.Value BY_NAME = JsonTypeInfo.Value.construct(JsonTypeInfo.Id.NAME,
			JsonTypeInfo.As.PROPERTY, PROPERTY, null, false, null);

	private final transient Predicate<String> trusted;

	private SealedTypeIds(AnnotationIntrospector application, Predicate<String> trusted) {
		super(application, NopAnnotationIntrospector.instance);
		this.trusted = trusted;
	}

	/**
	 * {@code mapper}, but writing and reading values declared as a sealed type with their class
	 * name among those {@code trusted} accepts.
	 */
	static JsonMapper applyTo(JsonMapper mapper, Predicate<String> trusted) {
		JsonMapper.Builder builder = mapper.rebuild();
		return builder.annotationIntrospector(new SealedTypeIds(builder.annotationIntrospector(), trusted)).build();
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
		return named(config, annotated) ? BY_NAME : super.findPolymorphicTypeInfo(config, annotated);
	}

	/** The permitted subclasses the application trusts, each under its class name. */
	@Override
	public List<NamedType> findSubtypes(MapperConfig<?> config, Annotated annotated) {
		if (!named(config, annotated)) {
			return super.findSubtypes(config, annotated);
		}
		List<NamedType> subtypes = new ArrayList<>();
		for (Class<?> permitted : annotated.getRawType().getPermittedSubclasses()) {
			if (this.trusted.test(permitted.getName())) {
				subtypes.add(new NamedType(permitted, permitted.getName()));
			}
		}
		return subtypes;
	}

	/** A sealed class that is not abstract names its own values by its class name too. */
	@Override
	public String findTypeName(MapperConfig<?> config, AnnotatedClass type) {
		String application = super.findTypeName(config, type);
		return (application == null && named(config, type)) ? type.getRawType().getName() : application;
	}

	/**
	 * Whether the values of {@code annotated} travel under the names this gives: a sealed type of
	 * the application the application's introspector gives no type information for.
	 */
	private boolean named(MapperConfig<?> config, Annotated annotated) {
		return annotated instanceof AnnotatedClass type && travelsByName(type.getRawType())
				&& this._primary.findPolymorphicTypeInfo(config, annotated) == null;
	}

}
