package dev.sagents.dashboard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dashboard ({@code sagents.dashboard.*}): off unless enabled, and then served only by a
 * servlet web application.
 */
@ConfigurationProperties("sagents.dashboard")
public class DashboardProperties {

	/**
	 * Whether this node serves the dashboard, a read-only page that shows the cluster as this node
	 * sees it. Anyone who reaches the path can read it: enable it only where the network or the
	 * application's security restricts who does.
	 */
	private boolean enabled;

	/**
	 * Where the page is served: '/' and one or more segments of letters, digits, '.', '_' or '-'
	 * separated by '/', such as '/sagents' (the page is then at /sagents/).
	 */
	private String path = "/sagents";

	/**
	 * How often the open pages receive a new picture (and over which interval the rates are
	 * computed); each one costs a cluster-wide listing of the agents.
	 */
	private Duration refreshInterval = Duration.ofSeconds(2);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public Duration getRefreshInterval() {
		return this.refreshInterval;
	}

	public void setRefreshInterval(Duration refreshInterval) {
		this.refreshInterval = refreshInterval;
	}

}
