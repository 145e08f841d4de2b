/**
 * The notes assistant, a sample application of sagents: its Spring Boot application and settings.
 */
package dev.sagents.sample;
