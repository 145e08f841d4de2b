/**
 * Agent state kept as JSON files in a directory that every node reaches.
 */
package dev.sagents.sample.persistence;
