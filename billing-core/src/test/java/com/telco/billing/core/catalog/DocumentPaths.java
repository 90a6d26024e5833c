package com.telco.billing.core.catalog;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies a tree of records, lists and maps with one value replaced at a JSON-like path such as
 * {@code productOfferings[0].prices[2].rates[1].tiers[0].from}, so that a test can break one field
 * of the sample catalog and expect the error at {@code "$." + path}.
 */
final class DocumentPaths {
  private DocumentPaths() {}

  /** Passed as the value: removes the map entry or list element at the path. */
  static final Object REMOVE = new Object();

  private static final Pattern TOKEN = Pattern.compile("\\.?([A-Za-z_][A-Za-z0-9_]*)|\\[(\\d+)]");

  @SuppressWarnings("unchecked")
  static <T> T set(T root, String path, Object value) {
    List<Object> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(path);
    int at = 0;
    while (m.find() && m.start() == at) {
      tokens.add(m.group(1) != null ? m.group(1) : (Object) Integer.parseInt(m.group(2)));
      at = m.end();
    }
    if (at != path.length()) {
      throw new IllegalArgumentException("bad path " + path + " at " + at);
    }
    return (T) set(root, tokens, 0, value);
  }

  private static Object set(Object node, List<Object> tokens, int i, Object value) {
    if (i == tokens.size()) {
      return value;
    }
    Object token = tokens.get(i);
    if (node instanceof Record r && token instanceof String field) {
      RecordComponent[] components = r.getClass().getRecordComponents();
      Object[] args = new Object[components.length];
      boolean found = false;
      for (int c = 0; c < components.length; c++) {
        Object current = read(components[c], r);
        if (components[c].getName().equals(field)) {
          args[c] = set(current, tokens, i + 1, value);
          found = true;
        } else {
          args[c] = current;
        }
      }
      if (!found) {
        throw new IllegalArgumentException(r.getClass().getSimpleName() + " has no " + field);
      }
      return construct(r.getClass(), components, args);
    }
    if (node instanceof List<?> list && token instanceof Integer index) {
      List<Object> copy = new ArrayList<>(list);
      if (index == copy.size()) {
        copy.add(null);
      }
      Object next = set(copy.get(index), tokens, i + 1, value);
      if (next == REMOVE) {
        copy.remove((int) index);
      } else {
        copy.set(index, next);
      }
      return Collections.unmodifiableList(copy);
    }
    if (node instanceof Map<?, ?> map && token instanceof String key) {
      Map<Object, Object> copy = new LinkedHashMap<>(map);
      Object next = set(copy.get(key), tokens, i + 1, value);
      if (next == REMOVE) {
        copy.remove(key);
      } else {
        copy.put(key, next);
      }
      return Collections.unmodifiableMap(copy);
    }
    throw new IllegalArgumentException("cannot follow " + token + " into " + node);
  }

  private static Object read(RecordComponent component, Record r) {
    try {
      return component.getAccessor().invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object construct(Class<?> type, RecordComponent[] components, Object[] args) {
    try {
      Class<?>[] types =
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new);
      Constructor<?> constructor = type.getDeclaredConstructor(types);
      return constructor.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
