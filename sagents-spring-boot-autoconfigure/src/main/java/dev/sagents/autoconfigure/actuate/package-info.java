/**
 * The auto-configuration of the {@code sagents} actuator endpoint and health contributor, when Actuator is on the
 * classpath.
 */
package dev.sagents.autoconfigure.actuate;
