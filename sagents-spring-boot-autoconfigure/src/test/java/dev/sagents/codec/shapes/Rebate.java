package dev.sagents.codec.shapes;

import dev.sagents.codec.untrusted.Discount;

/**
 * A record with a component declared as a sealed interface of a package no test codec trusts.
 *
 * @param discount what it takes off
 */
public record Rebate(Discount discount) {
}
