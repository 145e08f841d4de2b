package dev.sagents.codec.orders;

import java.math.BigDecimal;

/**
 * A line of an order, travelling as a nested Compact record.
 *
 * @param sku the article
 * @param quantity how many
 * @param price the unit price
 */
public record Line(String sku, int quantity, BigDecimal price) {
}
