package dev.sagents.codec.untrusted;

/** A discount: a sealed interface whose permitted class no test codec trusts. */
public sealed interface Discount permits Coupon {

}
