package dev.sagents.codec.shapes;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import dev.sagents.codec.notes.Note;

/**
 * Records whose components are declared in one way each that JSON can or cannot name: what the
 * record travels as depends on the declaration alone, not on what the component holds.
 */
public final class Components {

	private Components() {
	}

	/**
	 * A component declared as a raw list.
	 *
	 * @param items what it holds
	 */
	@SuppressWarnings("rawtypes")
	public record RawList(List items) {
	}

	/**
	 * A component declared as a raw map.
	 *
	 * @param entries what it holds
	 */
	@SuppressWarnings("rawtypes")
	public record RawMap(Map entries) {
	}

	/**
	 * A component declared as a raw optional.
	 *
	 * @param maybe what it holds
	 */
	@SuppressWarnings("rawtypes")
	public record RawOptional(Optional maybe) {
	}

	/**
	 * A component declared as an array of {@code Object}.
	 *
	 * @param items what it holds
	 */
	public record ObjectArray(Object[] items) {
	}

	/**
	 * A component declared as an array of lists of {@code Object}.
	 *
	 * @param piles what it holds
	 */
	public record Piles(List<Object>[] piles) {
	}

	/**
	 * A component declared as a list of anything.
	 *
	 * @param items what it holds
	 */
	public record Wildcard(List<?> items) {
	}

	/**
	 * A component declared as a map whose values are {@code Object}, its keys named.
	 *
	 * @param values what it holds
	 */
	public record Keyed(Map<String, Object> values) {
	}

	/**
	 * A record held in a component, itself with a component declared as a list of {@code Object}.
	 *
	 * @param loose what it holds
	 */
	public record Holding(Loose loose) {
	}

	/**
	 * A generic record with a component declared as {@code Object} beside its type variable.
	 *
	 * @param item what it holds, as its type variable
	 * @param extra what else it holds
	 * @param <T> the type of the item
	 */
	public record Bag<T>(T item, Object extra) {
	}

	/**
	 * A generic record held in a component that binds its type variable.
	 *
	 * @param bag what it holds
	 */
	public record HoldingBag(Bag<Note> bag) {
	}

	/**
	 * A component declared as a list of whatever extends a record: the record is what arrives.
	 *
	 * @param notes what it holds
	 */
	public record BoundedWildcard(List<? extends Note> notes) {
	}

	/**
	 * A generic record whose type variable is bound to a record: the record is what arrives.
	 *
	 * @param note what it holds
	 * @param <T> the type of the note
	 */
	public record Bounded<T extends Note>(T note) {
	}

	/**
	 * A record that holds records of its own kind.
	 *
	 * @param name its name
	 * @param children the records below it
	 */
	public record Tree(String name, List<Tree> children) {
	}

	/**
	 * A component declared as a list class whose element type its own declaration fixes.
	 *
	 * @param tags what it holds
	 */
	public record Tagged(Tags tags) {
	}

	/** A list of strings as a class of its own. */
	public static final class Tags extends ArrayList<String> {

		private static final long serialVersionUID = 1L;

	}

	/**
	 * A component declared as {@code Object} whose JSON names the type it holds.
	 *
	 * @param item what it holds
	 */
	public record Annotated(@JsonTypeInfo(use = JsonTypeInfo.Id.NAME) @JsonSubTypes({
			@JsonSubTypes.Type(value = Note.class, name = "note") }) Object item) {
	}

	/**
	 * A component declared as a time zone, which JSON writes as its id.
	 *
	 * @param zone where it is
	 */
	public record Zoned(ZoneId zone) {
	}

	/**
	 * A component declared as an abstract class: JSON cannot name the class of its value.
	 *
	 * @param frame what it holds
	 */
	public record Framed(Frame frame) {
	}

	/** An abstract class of the application. */
	public abstract static class Frame {

	}

	/**
	 * A component declared as a sealed interface that permits a record with a component declared
	 * as {@code Object}.
	 *
	 * @param parcel what it holds
	 */
	public record Shipment(Parcel parcel) {
	}

	/** A sealed interface of one record. */
	public sealed interface Parcel permits Crate {

	}

	/**
	 * The one record a {@link Parcel} may be.
	 *
	 * @param content what it holds, declared as {@code Object}
	 */
	public record Crate(Object content) implements Parcel {
	}

	/**
	 * A component declared as a raw generic record whose type variable is bound to a record: the
	 * bound is what arrives.
	 *
	 * @param bounded what it holds
	 */
	@SuppressWarnings("rawtypes")
	public record RawBounded(Bounded bounded) {
	}

	/**
	 * A component declared as a raw iterable.
	 *
	 * @param items what it holds
	 */
	@SuppressWarnings("rawtypes")
	public record RawIterable(Iterable items) {
	}

	/**
	 * A component declared as a collection interface of the application, which no member could
	 * create.
	 *
	 * @param names what it holds
	 */
	public record Named(Names names) {
	}

	/** A list of names as an interface of its own. */
	public interface Names extends List<String> {

	}

	/** The list class the application uses for {@link Names}. */
	public static final class NameList extends ArrayList<String> implements Names {

		private static final long serialVersionUID = 1L;

	}

	/**
	 * A component declared as a file path, which JSON writes as its URI.
	 *
	 * @param path where it is
	 */
	public record Located(Path path) {
	}

	/**
	 * A component declared as an interface that names its classes in the JSON.
	 *
	 * @param trim what it holds
	 */
	public record Trimmed(Trim trim) {
	}

	/**
	 * An interface any class may implement, whose JSON names the class by the names listed, or by
	 * Jackson's default name where the list gives none.
	 */
	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
	@JsonSubTypes({ @JsonSubTypes.Type(value = Ribbon.class, name = "ribbon"), @JsonSubTypes.Type(Bow.class) })
	public interface Trim {

	}

	/**
	 * A ribbon.
	 *
	 * @param colour its colour
	 */
	public record Ribbon(String colour) implements Trim {
	}

	/**
	 * A bow, listed among the trims without a name.
	 *
	 * @param loops how many loops
	 */
	public record Bow(int loops) implements Trim {
	}

}
