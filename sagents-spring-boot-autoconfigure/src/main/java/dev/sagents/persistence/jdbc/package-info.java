/**
 * The JDBC store: agent state and file-system files in the application's database, fenced by an
 * epoch per agent and per scope, through Spring's {@code JdbcClient}. The schema ships beside these
 * classes as {@code schema-postgresql.sql} and {@code schema-h2.sql}.
 */
package dev.sagents.persistence.jdbc;
