/**
 * Where agent state and file-system files are kept, fenced by epochs: the store SPI
 * ({@link dev.sagents.persistence.AgentStateStore}, {@link dev.sagents.persistence.FileSystemStore}) the built-in
 * stores implement, what processes persist through ({@link dev.sagents.persistence.AgentStorage},
 * {@link dev.sagents.persistence.FileSystemStorage}: one activation per start, which claims its epoch), and the
 * write modes ({@link dev.sagents.persistence.StateWriter}). Imports neither Hazelcast nor Spring; see
 * docs/persistence.md.
 */
package dev.sagents.persistence;
