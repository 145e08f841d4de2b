/**
 * The {@code sagents} actuator endpoint and health indicator, both reading the cluster view and the registry.
 */
package dev.sagents.actuate;
