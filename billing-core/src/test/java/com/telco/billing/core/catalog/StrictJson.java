package com.telco.billing.core.catalog;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON reader for tests (billing-core has no JSON library): parses JSON and binds it
 * to records the way the HTTP layer's strict mapper does: field names must be record component
 * names (unknown fields fail), numbers become {@link BigDecimal} (or exact {@code Integer}/{@code
 * Long}), absent fields are {@code null}.
 */
final class StrictJson {
  private final String text;
  private int pos;

  private StrictJson(String text) {
    this.text = text;
  }

  static <T> T read(String json, Class<T> type) {
    StrictJson p = new StrictJson(json);
    Object tree = p.value();
    p.skipSpace();
    if (p.pos != json.length()) {
      throw p.fail("trailing characters");
    }
    return type.cast(bind(tree, type, "$"));
  }

  // ---- binding ----

  private static Object bind(Object value, Type type, String path) {
    if (value == null) {
      return null;
    }
    if (type instanceof ParameterizedType pt) {
      Class<?> raw = (Class<?>) pt.getRawType();
      Type[] args = pt.getActualTypeArguments();
      if (raw == List.class) {
        List<Object> out = new ArrayList<>();
        List<?> in = expect(value, List.class, path);
        for (int i = 0; i < in.size(); i++) {
          out.add(bind(in.get(i), args[0], path + "[" + i + "]"));
        }
        return out;
      }
      if (raw == Map.class && args[0] == String.class) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<?, ?> in = expect(value, Map.class, path);
        in.forEach((k, v) -> out.put((String) k, bind(v, args[1], path + "." + k)));
        return out;
      }
      throw new IllegalArgumentException("unsupported type " + type);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      return expect(value, String.class, path);
    }
    if (c == Boolean.class) {
      return expect(value, Boolean.class, path);
    }
    if (c == BigDecimal.class) {
      return expect(value, BigDecimal.class, path);
    }
    if (c == Long.class) {
      return expect(value, BigDecimal.class, path).longValueExact();
    }
    if (c == Integer.class) {
      return expect(value, BigDecimal.class, path).intValueExact();
    }
    if (c.isRecord()) {
      Map<?, ?> in = expect(value, Map.class, path);
      RecordComponent[] components = c.getRecordComponents();
      for (Object key : in.keySet()) {
        if (Arrays.stream(components).noneMatch(rc -> rc.getName().equals(key))) {
          throw new IllegalArgumentException("unknown field " + path + "." + key);
        }
      }
      Object[] args = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        String name = components[i].getName();
        args[i] = bind(in.get(name), components[i].getGenericType(), path + "." + name);
      }
      try {
        Constructor<?> ctor =
            c.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
        return ctor.newInstance(args);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalArgumentException("unsupported type " + type);
  }

  private static <T> T expect(Object value, Class<T> type, String path) {
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          path + ": expected " + type.getSimpleName() + " but was " + value);
    }
    return type.cast(value);
  }

  // ---- parsing ----

  private Object value() {
    skipSpace();
    if (pos >= text.length()) {
      throw fail("unexpected end");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        return number();
    }
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    pos++;
    skipSpace();
    if (peek() == '}') {
      pos++;
      return map;
    }
    while (true) {
      skipSpace();
      String key = string();
      skipSpace();
      consume(':');
      if (map.containsKey(key)) {
        throw fail("duplicate key " + key);
      }
      map.put(key, value());
      skipSpace();
      if (peek() == ',') {
        pos++;
      } else {
        consume('}');
        return map;
      }
    }
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    pos++;
    skipSpace();
    if (peek() == ']') {
      pos++;
      return list;
    }
    while (true) {
      list.add(value());
      skipSpace();
      if (peek() == ',') {
        pos++;
      } else {
        consume(']');
        return list;
      }
    }
  }

  private String string() {
    consume('"');
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\\') {
        char e = text.charAt(pos++);
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'u' -> {
            sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> sb.append(e);
        }
      } else {
        sb.append(c);
      }
    }
  }

  private BigDecimal number() {
    int start = pos;
    while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    if (start == pos) {
      throw fail("unexpected character " + text.charAt(pos));
    }
    return new BigDecimal(text.substring(start, pos));
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw fail("expected " + word);
    }
    pos += word.length();
    return value;
  }

  private void consume(char c) {
    if (peek() != c) {
      throw fail("expected '" + c + "'");
    }
    pos++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException fail(String message) {
    return new IllegalArgumentException(message + " at offset " + pos);
  }
}
