/**
 * The process contract every backend fulfils: a {@link dev.sagents.process.ProcessKey} ({@code agent:<id>},
 * {@code filesystem:<scope>}) and the rule for ids, a {@link dev.sagents.process.ProcessRef} to call, call and wait
 * for, or cast to, and the typed failures ({@code ProcessNotRunningException}, {@code CallTimeoutException},
 * {@code ProcessFailedException}, {@code MemberLostException}), all {@link dev.sagents.process.SagentsException}s, and
 * the null check of every public entry point ({@link dev.sagents.process.Arguments}).
 */
package dev.sagents.process;
