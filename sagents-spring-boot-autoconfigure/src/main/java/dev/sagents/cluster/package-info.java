/**
 * How a node sees the sagents cluster ({@link dev.sagents.cluster.ClusterView}: this node, the live nodes, each
 * instance's members and their status) and the placement rule every node computes alike
 * ({@link dev.sagents.cluster.UniformDistribution}).
 */
package dev.sagents.cluster;
