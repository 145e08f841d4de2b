/**
 * Where agent state is kept: as JSON files in a directory that every node reaches (the disk
 * store), or in the database of the JDBC store.
 */
package dev.sagents.sample.persistence;
