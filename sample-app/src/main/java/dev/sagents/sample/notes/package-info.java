/**
 * The notes agent: its behaviour, its state, and the messages and replies it handles.
 */
package dev.sagents.sample.notes;
