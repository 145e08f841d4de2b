package dev.sagents.codec.untrusted;

/**
 * A value of a package no test codec trusts.
 *
 * @param code its code
 */
public record Coupon(String code) implements Discount {
}
