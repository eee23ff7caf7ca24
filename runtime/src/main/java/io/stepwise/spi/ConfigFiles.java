package io.stepwise.spi;

import io.stepwise.ConfigException;
import io.stepwise.JsonDecodingException;
import io.stepwise.JsonLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the JSON file of a {@code @Config} resource with the workflow's generated codec for its
 * record, and checks that the file fits the record exactly: a field the record lacks (a typo) and a
 * field the file lacks are errors, as are wrong types and whatever the record's constructor refuses.
 * Called by generated code, once per compiled workflow (the resource is cached).
 *
 * <p>The codec knows the record's fields, not this class: the file's field paths are compared with
 * those of the decoded value written back with the same codec, so no reflection is needed.
 */
public final class ConfigFiles {
  /** System property: the directory relative {@code @Config} paths are read from (default: the working directory). */
  public static final String DIRECTORY_PROPERTY = "stepwise.config.dir";
  /** Prefix of a path read from the class path, beside the workflow class: {@code classpath:config/app.json}. */
  public static final String CLASSPATH = "classpath:";

  private static final JsonLimits LIMITS = new JsonLimits(10_000_000, 200, JsonLimits.DEFAULT_MAX_NUMBER_LENGTH);
  private static final JsonFactory FACTORY = BoundedJson.factory(LIMITS);

  private ConfigFiles() {}

  /**
   * The record in {@code file} (or in its section {@code select}, a dotted path of fields).
   *
   * @param type the record's name as the user writes it, for messages
   * @param anchor the workflow class, whose class loader reads {@code classpath:} files
   * @throws ConfigException naming the file, the field and the fix
   */
  public static <T> T read(ObjectCodec<T> codec, String file, String select, String type, Class<?> anchor) {
    String text = load(file, anchor);
    String root = select.isEmpty() ? "$" : "$." + select;
    String subject = "Config file '" + file + "'" + (select.isEmpty() ? "" : " at " + root) + " for " + type;
    Set<String> given = new TreeSet<>();
    T value;
    try (JsonParser paths = FACTORY.createParser(ObjectReadContext.empty(), text);
        JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
      paths.nextToken();
      if (!find(paths, select)) {
        throw new ConfigException(file, subject + " is missing: the file has no " + root + ". Add that section to the"
            + " file, or fix select in @Config.");
      }
      collect(paths, root, given);
      parser.nextToken();
      find(parser, select);
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        throw new ConfigException(file, subject + " is not a JSON object at " + root + ". Write the "
            + type + " as an object with its fields.");
      }
      value = new JsonReader(parser, root, LIMITS.maxDepth()).read(codec);
    } catch (JsonDecodingException e) {
      throw new ConfigException(file, subject + " does not fit: " + e.getMessage(), e);
    } catch (JacksonException e) {
      throw new ConfigException(file, subject + " is not valid JSON: " + e.getOriginalMessage() + " (line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "). Fix the file.", e);
    } catch (ConfigException e) {
      throw e;
    } catch (RuntimeException e) {
      // The record's constructor checks its values: its message says which and why.
      throw new ConfigException(file, subject + " was refused by " + type + ": " + e.getMessage()
          + ". Fix the value in the file.", e);
    }
    checkFields(file, subject, type, root, given, written(codec, value, root));
    return value;
  }

  private static String load(String file, Class<?> anchor) {
    if (file.startsWith(CLASSPATH)) {
      String name = file.substring(CLASSPATH.length());
      ClassLoader loader = anchor.getClassLoader();
      try (InputStream in = loader == null ? null : loader.getResourceAsStream(name)) {
        if (in == null) {
          throw new ConfigException(file, "Config file '" + file + "' is not on the class path. Put " + name
              + " in the resources of the module that holds " + anchor.getSimpleName() + ", or fix the path in @Config.");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ConfigException(file, "Config file '" + file + "' could not be read: " + e.getMessage(), e);
      }
    }
    String base = System.getProperty(DIRECTORY_PROPERTY);
    Path path = base == null ? Path.of(file) : Path.of(base).resolve(file);
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file, "Config file '" + file + "' does not exist: " + path.toAbsolutePath()
          + ". A relative path is read from the working directory, or from -D" + DIRECTORY_PROPERTY
          + " when set. Create the file, or fix the path in @Config.", e);
    } catch (IOException e) {
      throw new ConfigException(file, "Config file '" + file + "' could not be read (" + path.toAbsolutePath()
          + "): " + e.getMessage(), e);
    }
  }

  /** Moves {@code parser}, on the document's first token, to the value at the dotted path; false when absent. */
  private static boolean find(JsonParser parser, String select) {
    if (select.isEmpty()) {
      return true;
    }
    for (String segment : select.split("\\.", -1)) {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        return false;
      }
      boolean found = false;
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        if (name.equals(segment)) {
          found = true;
          break;
        }
        parser.skipChildren();
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /** The path of every field and array element within the value the parser is on, as {@code $.a.b[2].c}. */
  private static void collect(JsonParser parser, String path, Set<String> out) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String field = path + "." + parser.currentName();
        out.add(field);
        parser.nextToken();
        collect(parser, field, out);
      }
    } else if (token == JsonToken.START_ARRAY) {
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        String element = path + "[" + index++ + "]";
        out.add(element);
        collect(parser, element, out);
      }
    }
  }

  /** The field paths of {@code value} written back with its codec: every field of the record, at any depth. */
  private static <T> Set<String> written(ObjectCodec<T> codec, T value, String root) {
    var text = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), text)) {
      new JsonWriter(generator, LIMITS.maxDepth(), LIMITS.maxNumberLength()).write(codec, value);
    }
    Set<String> paths = new TreeSet<>();
    try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text.toString())) {
      parser.nextToken();
      collect(parser, root, paths);
    }
    return paths;
  }

  private static void checkFields(String file, String subject, String type, String root, Set<String> given,
      Set<String> fields) {
    List<String> problems = new java.util.ArrayList<>();
    for (String path : given) {
      if (!fields.contains(path) && (fields.contains(parent(path)) || parent(path).equals(root))) {
        problems.add(path + " is not a field of " + type + " (fields there: " + children(fields, parent(path))
            + "); remove it or correct its name");
      }
    }
    for (String path : fields) {
      if (!given.contains(path) && (given.contains(parent(path)) || parent(path).equals(root))) {
        problems.add(path + " is missing; add it (write null where the value may be empty)");
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(file, subject + " does not fit: " + String.join("; ", problems) + ".");
    }
  }

  private static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? "$" : path.substring(0, cut);
  }

  private static String children(Set<String> fields, String parent) {
    String listed = fields.stream()
        .filter(f -> parent(f).equals(parent) && f.charAt(parent.length()) == '.')
        .map(f -> f.substring(parent.length() + 1))
        .collect(Collectors.joining(", "));
    return listed.isEmpty() ? "none" : listed;
  }
}
