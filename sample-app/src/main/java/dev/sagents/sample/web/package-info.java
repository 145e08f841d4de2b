/**
 * The HTTP API of the notes assistant: agents, their messages and event streams, file systems, and the
 * RFC 9457 problem details of what goes wrong.
 */
package dev.sagents.sample.web;
