package org.tanji.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One connection inside a transaction, as repositories see it: statements with their arguments,
 * rows read by column name. Made only by {@link Database#inTransaction}; repositories take one and
 * so join the caller's transaction (the model is Jdbi's {@code Handle}).
 */
public final class Handle {

  private final Connection connection;

  Handle(Connection connection) {
    this.connection = connection;
  }

  /** A SQL NULL of a type, for arguments that may be absent. */
  public record Null(int sqlType) {}

  /** The value, or a SQL NULL of the type when it is null. */
  public static Object orNull(Object value, int sqlType) {
    return value == null ? new Null(sqlType) : value;
  }

  /** Reads one row. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(Row row) throws SQLException;
  }

  /** Runs an INSERT, UPDATE or DELETE: the number of rows changed. */
  public int update(String sql, Object... args) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** Runs an INSERT and returns the generated {@code id}. */
  public long insert(String sql, Object... args) {
    try (PreparedStatement ps = connection.prepareStatement(sql, new String[] {"id"})) {
      bind(ps, args);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** Every row of a query. */
  public <T> List<T> list(String sql, RowMapper<T> mapper, Object... args) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      bind(ps, args);
      List<T> out = new ArrayList<>();
      try (ResultSet r = ps.executeQuery()) {
        Row row = new Row(r);
        while (r.next()) {
          out.add(mapper.map(row));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** The first row of a query, if there is one. */
  public <T> Optional<T> findOne(String sql, RowMapper<T> mapper, Object... args) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet r = ps.executeQuery()) {
        return r.next() ? Optional.of(mapper.map(new Row(r))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /**
   * The first row of a query that must have one.
   *
   * @throws IllegalStateException when there is none: the caller's assumption was wrong, a bug
   */
  public <T> T one(String sql, RowMapper<T> mapper, Object... args) {
    return findOne(sql, mapper, args).orElseThrow(() -> new IllegalStateException("no row for " + sql));
  }

  /** Whether the connection still answers, within seconds. */
  public boolean isValid(int seconds) {
    try {
      return connection.isValid(seconds);
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      int at = i + 1;
      if (a instanceof Null n) {
        ps.setNull(at, n.sqlType());
      } else if (a instanceof Instant t) {
        ps.setObject(at, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
      } else if (a instanceof String s) {
        ps.setString(at, s);
      } else if (a instanceof Integer n) {
        ps.setInt(at, n);
      } else if (a instanceof Long n) {
        ps.setLong(at, n);
      } else if (a instanceof Double d) {
        ps.setDouble(at, d);
      } else if (a instanceof Boolean b) {
        ps.setBoolean(at, b);
      } else if (a instanceof byte[] b) {
        ps.setBytes(at, b);
      } else if (a instanceof UUID u) {
        ps.setObject(at, u);
      } else if (a == null) {
        ps.setNull(at, Types.VARCHAR);
      } else {
        throw new IllegalArgumentException("no SQL binding for " + a.getClass().getName());
      }
    }
  }

  /** The current row of a result, its columns read by name. */
  public static final class Row {
    private final ResultSet r;

    Row(ResultSet r) {
      this.r = r;
    }

    public String string(String column) throws SQLException {
      return r.getString(column);
    }

    public long longValue(String column) throws SQLException {
      return r.getLong(column);
    }

    public int intValue(String column) throws SQLException {
      return r.getInt(column);
    }

    public boolean bool(String column) throws SQLException {
      return r.getBoolean(column);
    }

    public byte[] bytes(String column) throws SQLException {
      return r.getBytes(column);
    }

    public UUID uuid(String column) throws SQLException {
      return r.getObject(column, UUID.class);
    }

    public Double nullableDouble(String column) throws SQLException {
      double v = r.getDouble(column);
      return r.wasNull() ? null : v;
    }

    public Long nullableLong(String column) throws SQLException {
      long v = r.getLong(column);
      return r.wasNull() ? null : v;
    }

    public Integer nullableInt(String column) throws SQLException {
      int v = r.getInt(column);
      return r.wasNull() ? null : v;
    }

    public Instant instant(String column) throws SQLException {
      OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
      return t == null ? null : t.toInstant();
    }
  }
}
