/**
 * A real Apache Cassandra for dev runs, tests and benchmarks, started from Maven Central artifacts
 * in a child JVM on a loopback address.
 *
 * <ul>
 *   <li>{@link com.telco.billing.devcassandra.DevCassandra}: start, wait for CQL, stop.
 *   <li>{@link com.telco.billing.devcassandra.DevCassandraMain}: a dev Cassandra in the foreground
 *       ({@code ./var/cassandra}, port 9042).
 *   <li>{@link com.telco.billing.devcassandra.TestCassandra}: one shared server per test JVM and
 *       unique keyspace names.
 * </ul>
 *
 * <p>Cassandra's own jars never reach the classpath of the JVM that uses this package: the child
 * JVM gets them from the resource {@code dev-cassandra/cassandra-server.classpath}, written at
 * build time.
 */
package com.telco.billing.devcassandra;
