package dev.sagents.codec.orders;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/** Writes a {@link Parcel} as the Compact type {@code parcel}. */
public final class ParcelSerializer implements CompactSerializer<Parcel> {

	/** The Compact type name of a parcel. */
	public static final String TYPE_NAME = "parcel";

	@Override
	public Parcel read(CompactReader reader) {
		return new Parcel(reader.readCompact("content"), reader.readArrayOfCompact("contents", Object.class));
	}

	@Override
	public void write(CompactWriter writer, Parcel parcel) {
		writer.writeCompact("content", parcel.content());
		writer.writeArrayOfCompact("contents", parcel.contents());
	}

	@Override
	public String getTypeName() {
		return TYPE_NAME;
	}

	@Override
	public Class<Parcel> getCompactClass() {
		return Parcel.class;
	}

}
