package dev.sagents.cluster;

/**
 * One member of a sagents instance.
 *
 * @param node the member's node name
 * @param status its standing
 */
public record Member(String node, MemberStatus status) {
}
