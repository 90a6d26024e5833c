package com.telco.billing.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.junit.jupiter.api.Test;

class EntityKeysTest {

  /** Every {@code EntityTypeKey} constant of {@link EntityKeys}. */
  private static List<EntityTypeKey<?>> declaredKeys() throws IllegalAccessException {
    List<EntityTypeKey<?>> keys = new ArrayList<>();
    for (Field field : EntityKeys.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers())
          && EntityTypeKey.class.isAssignableFrom(field.getType())) {
        keys.add((EntityTypeKey<?>) field.get(null));
      }
    }
    return keys;
  }

  @Test
  void entityTypesListsEveryDeclaredKeyOnce() throws IllegalAccessException {
    List<EntityTypeKey<?>> declared = declaredKeys();
    assertEquals(5, declared.size(), "EntityKeys declares " + declared);
    assertEquals(new HashSet<>(declared), new HashSet<>(ShardingInit.ENTITY_TYPES));
    assertEquals(
        ShardingInit.ENTITY_TYPES.size(),
        new HashSet<>(ShardingInit.ENTITY_TYPES).size(),
        "no type twice in " + ShardingInit.ENTITY_TYPES);
  }

  @Test
  void namesArePartOfPersistenceIdsAndStayFixed() {
    assertEquals(
        List.of("Catalog", "Account", "InvoiceSeries", "Service", "DunningPolicy"),
        ShardingInit.ENTITY_TYPES.stream().map(EntityTypeKey::name).toList());
  }
}
