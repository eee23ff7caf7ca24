package io.stepwise.samples.extraction.cli;

import io.stepwise.store.RunStore;
import io.stepwise.store.jdbc.JdbcRunStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The durable extraction's run store: a SQLite file holding a {@link JdbcRunStore}. A file that
 * is something else (not SQLite, or a SQLite database with other tables only) is refused before
 * anything writes to it, so pointing {@code --store} at the wrong file changes nothing.
 */
final class ExtractionStore {
  /** The 16 bytes every SQLite 3 database file starts with. */
  private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private ExtractionStore() {}

  /** The store at {@code file}, created (with its folders) when missing; for {@code start}. */
  static RunStore create(Path file) {
    if (Files.notExists(file)) {
      try {
        Files.createDirectories(file.toAbsolutePath().getParent());
      } catch (IOException e) {
        throw new IllegalArgumentException("Cannot create the folder of the run store " + file + ": " + e
            + ". Pass --store with a path in a folder you can write to.", e);
      }
    } else {
      check(file);
    }
    return JdbcRunStore.create(url(file));
  }

  /** The existing store at {@code file}, or empty when there is no file; for {@code respond} and {@code runs}. */
  static Optional<RunStore> existing(Path file) {
    if (Files.notExists(file)) {
      return Optional.empty();
    }
    check(file);
    return Optional.of(JdbcRunStore.create(url(file)));
  }

  private static String url(Path file) {
    return "jdbc:sqlite:" + file.toAbsolutePath();
  }

  /** Refuses a file that is not a Stepwise store; an empty file is a new SQLite database, and accepted. */
  private static void check(Path file) {
    if (Files.isDirectory(file)) {
      throw notAStore(file, "it is a folder");
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SQLITE_HEADER.length);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read the run store " + file + ": " + e + ". Check its permissions.", e);
    }
    if (head.length == 0) {
      return;
    }
    if (!Arrays.equals(head, SQLITE_HEADER)) {
      throw notAStore(file, "it is not a SQLite database");
    }
    List<String> tables = tables(file);
    if (!tables.isEmpty() && !tables.contains(JdbcRunStore.DEFAULT_TABLE)) {
      throw notAStore(file, "it is a SQLite database without a " + JdbcRunStore.DEFAULT_TABLE + " table (it has "
          + String.join(", ", tables) + ")");
    }
  }

  /** The tables of a SQLite file; reading them writes nothing. */
  private static List<String> tables(Path file) {
    try (Connection connection = DriverManager.getConnection(url(file));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
      List<String> tables = new ArrayList<>();
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
      return tables;
    } catch (SQLException e) {
      throw notAStore(file, "SQLite cannot read it (" + e.getMessage() + ")");
    }
  }

  private static IllegalArgumentException notAStore(Path file, String why) {
    return new IllegalArgumentException(file + " is not a Stepwise run store: " + why + ". Pass --store with the file"
        + " extract start created, or a new path.");
  }
}
