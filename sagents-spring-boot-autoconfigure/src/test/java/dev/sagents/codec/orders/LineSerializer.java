package dev.sagents.codec.orders;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/** Writes a {@link Line} as the Compact type {@code line}. */
public class LineSerializer implements CompactSerializer<Line> {

	/** The Compact type name of a line. */
	public static final String TYPE_NAME = "line";

	@Override
	public Line read(CompactReader reader) {
		return new Line(reader.readString("sku"), reader.readInt32("quantity"), reader.readDecimal("price"));
	}

	@Override
	public void write(CompactWriter writer, Line line) {
		writer.writeString("sku", line.sku());
		writer.writeInt32("quantity", line.quantity());
		writer.writeDecimal("price", line.price());
	}

	@Override
	public String getTypeName() {
		return TYPE_NAME;
	}

	@Override
	public Class<Line> getCompactClass() {
		return Line.class;
	}

}
