/**
 * The disk store: file-system files in a directory that one or more JVMs share, fenced by an
 * epoch per scope kept beside them and guarded by file locks.
 */
package dev.sagents.persistence.disk;
