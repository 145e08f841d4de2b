package dev.sagents.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A database that can be made unreachable: while it is down, every connection attempt fails as a
 * refused connection does (SQL state 08001), and connections come again once it is up.
 */
public final class SwitchableDataSource extends DelegatingDataSource {

	private volatile boolean down;

	public SwitchableDataSource(DataSource database) {
		super(database);
	}

	/** From now on, no connection can be had. */
	public void down() {
		this.down = true;
	}

	/** Connections can be had again. */
	public void up() {
		this.down = false;
	}

	@Override
	public Connection getConnection() throws SQLException {
		refuseWhileDown();
		return super.getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		refuseWhileDown();
		return super.getConnection(username, password);
	}

	private void refuseWhileDown() throws SQLException {
		if (this.down) {
			throw new SQLNonTransientConnectionException("Connection refused: the database is down", "08001");
		}
	}

}
