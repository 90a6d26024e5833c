package com.telco.billing.node;

import com.typesafe.config.Config;

/**
 * {@code billing.cluster}: how this node finds the cluster.
 *
 * @param join self, seed-nodes or bootstrap
 */
public record ClusterSettings(Join join) {

  /** The ways a node finds its cluster. */
  public enum Join {
    /** Forms a cluster by itself (dev, one node). */
    SELF,
    /** Joins {@code pekko.cluster.seed-nodes}. */
    SEED_NODES,
    /** Pekko Management cluster bootstrap with the configured discovery method. */
    BOOTSTRAP
  }

  public static ClusterSettings from(Config config) {
    String mode = config.getString("billing.cluster.join");
    Join join =
        switch (mode) {
          case "self" -> Join.SELF;
          case "seed-nodes" -> Join.SEED_NODES;
          case "bootstrap" -> Join.BOOTSTRAP;
          default ->
              throw ConfigChecks.badValue(
                  "billing.cluster.join", "must be self, seed-nodes or bootstrap, not " + mode);
        };
    return new ClusterSettings(join);
  }
}
