package com.telco.billing.core.catalog;

import com.telco.billing.core.validation.TextRules;
import com.telco.billing.core.validation.Validator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/**
 * docs/input-contract.md, "Text": every string of a {@link CatalogDocument} (ids, names,
 * descriptions, codes, dates, the currency keys of amounts) obeys {@link TextRules}, so that no
 * version can carry malformed text, control characters or a card number into the journal, whoever
 * submits it. The walk follows the document's records, lists and maps, so a field added to the
 * document is covered without being listed here.
 */
final class CatalogText {
  private CatalogText() {}

  /** Adds an error for every string of {@code document} that breaks a text rule. */
  static void check(Validator v, CatalogDocument document) {
    walk(v, document, "$");
  }

  private static void walk(Validator v, Object node, String path) {
    if (node instanceof String text) {
      TextRules.require(v, text, path);
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        walk(v, list.get(i), path + "[" + i + "]");
      }
    } else if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (entry.getKey() instanceof String key && !TextRules.require(v, key, path)) {
          continue; // a key that breaks a rule is not written into a path
        }
        walk(v, entry.getValue(), CatalogSection.key(path, String.valueOf(entry.getKey())));
      }
    } else if (node instanceof Record record) {
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        walk(v, value(record, component), path + "." + component.getName());
      }
    }
  }

  private static Object value(Record record, RecordComponent component) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }
}
