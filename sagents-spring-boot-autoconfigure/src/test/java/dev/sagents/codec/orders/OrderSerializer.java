package dev.sagents.codec.orders;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/** Writes an {@link Order} as the Compact type {@code com.example.Order}, its lines as {@code line}. */
public final class OrderSerializer implements CompactSerializer<Order> {

	/** The Compact type name of an order. */
	public static final String TYPE_NAME = "com.example.Order";

	@Override
	public Order read(CompactReader reader) {
		return new Order(reader.readBoolean("paid"), reader.readInt8("flags"), reader.readInt16("priority"),
				reader.readInt32("count"), reader.readInt64("id"), reader.readFloat32("weight"),
				reader.readFloat64("total"), reader.readNullableInt32("discount"), reader.readNullableInt64("customer"),
				reader.readString("note"), reader.readDecimal("amount"), reader.readDate("due"),
				reader.readTime("cutoff"), reader.readTimestamp("placed"), reader.readTimestampWithTimezone("confirmed"),
				reader.readArrayOfInt32("quantities"), reader.readArrayOfString("tags"),
				reader.readArrayOfInt8("signature"), reader.readArrayOfBoolean("checks"),
				reader.readArrayOfNullableInt32("ratings"), reader.readArrayOfDate("holidays"),
				reader.readCompact("primary"), reader.readArrayOfCompact("lines", Line.class));
	}

	@Override
	public void write(CompactWriter writer, Order order) {
		writer.writeBoolean("paid", order.paid());
		writer.writeInt8("flags", order.flags());
		writer.writeInt16("priority", order.priority());
		writer.writeInt32("count", order.count());
		writer.writeInt64("id", order.id());
		writer.writeFloat32("weight", order.weight());
		writer.writeFloat64("total", order.total());
		writer.writeNullableInt32("discount", order.discount());
		writer.writeNullableInt64("customer", order.customer());
		writer.writeString("note", order.note());
		writer.writeDecimal("amount", order.amount());
		writer.writeDate("due", order.due());
		writer.writeTime("cutoff", order.cutoff());
		writer.writeTimestamp("placed", order.placed());
		writer.writeTimestampWithTimezone("confirmed", order.confirmed());
		writer.writeArrayOfInt32("quantities", order.quantities());
		writer.writeArrayOfString("tags", order.tags());
		writer.writeArrayOfInt8("signature", order.signature());
		writer.writeArrayOfBoolean("checks", order.checks());
		writer.writeArrayOfNullableInt32("ratings", order.ratings());
		writer.writeArrayOfDate("holidays", order.holidays());
		writer.writeCompact("primary", order.primary());
		writer.writeArrayOfCompact("lines", order.lines());
	}

	@Override
	public String getTypeName() {
		return TYPE_NAME;
	}

	@Override
	public Class<Order> getCompactClass() {
		return Order.class;
	}

}
