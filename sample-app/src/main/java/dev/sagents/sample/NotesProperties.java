package dev.sagents.sample;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The notes assistant's settings ({@code notes.*}); defaults are in {@code application.yml}.
 *
 * @param dataDirectory where agent states and (through {@code sagents.filesystem.base-directory})
 * file systems are stored with the disk store, the default ({@code sagents.persistence.store=jdbc}
 * keeps both in a database instead)
 * @param replyTimeout how long a message request waits for the agent's reply
 * @param eventKeepAlive how often an open event stream gets a comment: proxies keep it open,
 * and a client that went away is noticed and unsubscribed
 */
@ConfigurationProperties("notes")
public record NotesProperties(Path dataDirectory, Duration replyTimeout, Duration eventKeepAlive) {
}
