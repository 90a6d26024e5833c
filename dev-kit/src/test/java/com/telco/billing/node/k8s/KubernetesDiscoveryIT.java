package com.telco.billing.node.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.ParentWatchingNodeMain;
import com.telco.billing.node.CassandraSchema;
import com.telco.billing.node.CassandraSettings;
import com.telco.billing.node.Main;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three node JVMs, started as in a pod of k8s/ (join = bootstrap, discovery kubernetes-api, three
 * required contact points, hostnames = "pod IP"), find each other through a stand-in Kubernetes API
 * server that lists them as three Running pods on 127.0.0.2, 127.0.0.3 and 127.0.0.4 (plus a
 * Pending one without IP, which discovery must skip), and form one cluster of three Up members,
 * each of them ready.
 */
class KubernetesDiscoveryIT {
  private static final String NAMESPACE = "billing-it";
  private static final String SERVICE_NAME = "billing-node";
  private static final String LABEL_SELECTOR = "app=" + SERVICE_NAME;
  private static final String TOKEN = "stand-in-service-account-token";
  private static final List<String> POD_IPS = List.of("127.0.0.2", "127.0.0.3", "127.0.0.4");
  private static final Duration FORMATION_TIMEOUT = Duration.ofSeconds(150);

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** One node: its pod IP and ports, and its process once started. */
  private record Node(int index, String ip, int remotePort, int managementPort, int httpPort) {
    String address() {
      return "pekko://Billing@" + ip + ":" + remotePort;
    }

    String managementUrl() {
      return "http://" + ip + ":" + managementPort;
    }
  }

  @Test
  void threeNodesDiscoverEachOtherThroughTheKubernetesApiAndFormOneCluster(@TempDir Path dir)
      throws Exception {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < POD_IPS.size(); i++) {
      String ip = POD_IPS.get(i);
      nodes.add(new Node(i, ip, freePort(ip), freePort(ip), freePort(ip)));
    }
    String cassandra = TestCassandra.shared().hostAndPort();
    String keyspace = TestCassandra.uniqueKeyspace("kubernetes_discovery");
    Path logs = Paths.get("target", "kubernetes-discovery-it");
    Files.createDirectories(logs);
    // as in production (k8s/overlays/prod): the schema exists before the nodes start, and they
    // do not create it (three nodes creating the same tables at once is not what this tests)
    createSchema(cassandra, keyspace);

    List<Process> processes = new ArrayList<>();
    List<OutputStream> stdins = new ArrayList<>();
    Thread killer = new Thread(() -> processes.forEach(Process::destroyForcibly), "kill-nodes");
    Runtime.getRuntime().addShutdownHook(killer);
    try (StandInKubernetesApi api =
        StandInKubernetesApi.start(dir, NAMESPACE, LABEL_SELECTOR, TOKEN, () -> podList(nodes))) {
      for (Node node : nodes) {
        Process process = startNode(node, api, cassandra, keyspace, logs);
        processes.add(process);
        stdins.add(process.getOutputStream());
      }

      Instant deadline = Instant.now().plus(FORMATION_TIMEOUT);
      Set<String> expected = new TreeSet<>();
      nodes.forEach(n -> expected.add(n.address()));
      for (Node node : nodes) {
        String seen = awaitMembers(node, expected, deadline, processes.get(node.index()), logs);
        assertEquals(expected.toString(), seen, "Up members seen by node " + node.ip());
      }
      for (Node node : nodes) {
        awaitReady(node, deadline, processes.get(node.index()), logs);
      }
      assertTrue(api.served() >= nodes.size(), "pod lists served: " + api.served());
      assertEquals(0, api.rejected(), "requests with wrong token, namespace or selector");
    } finally {
      for (Process process : processes) {
        process.destroyForcibly();
      }
      for (Process process : processes) {
        process.waitFor(30, TimeUnit.SECONDS);
      }
      Runtime.getRuntime().removeShutdownHook(killer);
    }
  }

  /** What a Kubernetes API server answers for the node pods: a PodList. */
  private static String podList(List<Node> nodes) {
    StringBuilder items = new StringBuilder();
    for (Node node : nodes) {
      items.append(
          """
          {"metadata": {"name": "billing-node-%d", "namespace": "%s",
                        "labels": {"app": "%s", "app.kubernetes.io/part-of": "telco-billing"}},
           "spec": {"serviceAccountName": "billing-node",
                    "containers": [{"name": "billing-node", "image": "billing-cluster-node:dev",
                                    "ports": [{"name": "remoting", "containerPort": %d, "protocol": "TCP"},
                                              {"name": "management", "containerPort": %d, "protocol": "TCP"},
                                              {"name": "http", "containerPort": %d, "protocol": "TCP"}]}]},
           "status": {"phase": "Running", "podIP": "%s",
                      "containerStatuses": [{"name": "billing-node", "ready": false,
                                             "state": {"running": {"startedAt": "2026-01-01T00:00:00Z"}}}]}},
          """
              .formatted(
                  node.index(),
                  NAMESPACE,
                  SERVICE_NAME,
                  node.remotePort(),
                  node.managementPort(),
                  node.httpPort(),
                  node.ip()));
    }
    // a pod not scheduled yet: no IP, not Running; discovery must leave it out
    items.append(
        """
        {"metadata": {"name": "billing-node-pending", "namespace": "%s", "labels": {"app": "%s"}},
         "spec": {"containers": [{"name": "billing-node",
                                  "ports": [{"name": "management", "containerPort": 8558}]}]},
         "status": {"phase": "Pending"}}
        """
            .formatted(NAMESPACE, SERVICE_NAME));
    return """
        {"kind": "PodList", "apiVersion": "v1", "metadata": {"resourceVersion": "1"},
         "items": [%s]}
        """
        .formatted(items);
  }

  private static Process startNode(
      Node node, StandInKubernetesApi api, String cassandra, String keyspace, Path logs)
      throws IOException {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-Xms256m",
            "-Xmx512m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            // the service account files of a pod
            "-Dpekko.discovery.kubernetes-api.api-ca-path=" + api.caFile(),
            "-Dpekko.discovery.kubernetes-api.api-token-path=" + api.tokenFile(),
            "-Dpekko.discovery.kubernetes-api.pod-namespace-path=" + api.namespaceFile(),
            "-cp",
            System.getProperty("java.class.path"),
            ParentWatchingNodeMain.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("BILLING_") || name.startsWith("KUBERNETES_"));
    // where the API server is, as Kubernetes tells every pod
    env.put("KUBERNETES_SERVICE_HOST", "127.0.0.1");
    env.put("KUBERNETES_SERVICE_PORT", Integer.toString(api.port()));
    // what k8s/base sets for the container
    env.put("BILLING_CLUSTER_JOIN", "bootstrap");
    env.put("BILLING_DISCOVERY_METHOD", "kubernetes-api");
    env.put("BILLING_DISCOVERY_SERVICE_NAME", SERVICE_NAME);
    env.put("BILLING_REQUIRED_CONTACT_POINTS", "3");
    env.put("BILLING_REMOTE_HOST", node.ip());
    env.put("BILLING_REMOTE_PORT", Integer.toString(node.remotePort()));
    env.put("BILLING_MANAGEMENT_HOST", node.ip());
    env.put("BILLING_MANAGEMENT_PORT", Integer.toString(node.managementPort()));
    env.put("BILLING_HTTP_HOST", node.ip());
    env.put("BILLING_HTTP_PORT", Integer.toString(node.httpPort()));
    env.put("BILLING_APP_VERSION", "1.0.0");
    env.put("BILLING_CASSANDRA_CONTACT_POINT", cassandra);
    env.put("BILLING_CASSANDRA_KEYSPACE", keyspace);
    env.put("BILLING_CASSANDRA_AUTOCREATE", "false");
    // a fresh keyspace has no event older than yesterday
    env.put(
        "BILLING_EVENTS_BY_TAG_FIRST_BUCKET",
        LocalDate.now(ZoneOffset.UTC).minusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE)
            + "T00:00");
    Path log = logs.resolve("node-" + node.index() + ".log");
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    return builder.start();
  }

  /** Creates the node's schema with a local actor system in the test JVM. */
  private static void createSchema(String cassandra, String keyspace) throws Exception {
    Config config =
        Main.loadConfig(
            ConfigFactory.parseString(
                """
                pekko.actor.provider = local
                pekko.loglevel = WARNING
                billing.cassandra.contact-point = "%s"
                billing.cassandra.keyspace = "%s"
                billing.cassandra.autocreate = on
                """
                    .formatted(cassandra, keyspace)));
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "schema", config);
    try {
      CassandraSchema.createIfEnabled(system, CassandraSettings.from(config))
          .toCompletableFuture()
          .get(120, TimeUnit.SECONDS);
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /** Waits until the node sees exactly the expected members, all Up; returns what it saw last. */
  private String awaitMembers(
      Node node, Set<String> expected, Instant deadline, Process process, Path logs)
      throws InterruptedException {
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      assertAlive(node, process, logs);
      try {
        HttpResponse<String> response = get(node.managementUrl() + "/cluster/members");
        if (response.statusCode() == 200) {
          JsonNode members = JSON.readTree(response.body()).path("members");
          Set<String> up = new TreeSet<>();
          for (JsonNode member : members) {
            if (member.path("status").asText().equals("Up")) {
              up.add(member.path("node").asText());
            }
          }
          last = up.toString();
          if (up.equals(expected) && members.size() == expected.size()) {
            return last;
          }
        } else {
          last = response.statusCode() + " " + response.body();
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "node "
            + node.ip()
            + " did not see "
            + expected
            + " Up within "
            + FORMATION_TIMEOUT
            + "; last: "
            + last
            + "\n"
            + tail(logs, node));
  }

  private void awaitReady(Node node, Instant deadline, Process process, Path logs)
      throws InterruptedException {
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      assertAlive(node, process, logs);
      try {
        HttpResponse<String> response = get(node.managementUrl() + "/ready");
        if (response.statusCode() == 200) {
          return;
        }
        last = response.statusCode() + " " + response.body();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("node " + node.ip() + " not ready: " + last + "\n" + tail(logs, node));
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void assertAlive(Node node, Process process, Path logs) {
    if (!process.isAlive()) {
      throw new AssertionError(
          "node " + node.ip() + " exited with " + process.exitValue() + "\n" + tail(logs, node));
    }
  }

  private static String tail(Path logs, Node node) {
    Path log = logs.resolve("node-" + node.index() + ".log");
    try {
      List<String> lines = Files.readAllLines(log);
      return "--- last lines of "
          + log
          + "\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log " + log + ")";
    }
  }

  /** A port free on the given loopback address; fails clearly where 127.0.0.x cannot be bound. */
  private static int freePort(String ip) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(ip))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot bind "
              + ip
              + " (the test needs the loopback addresses 127.0.0.2-4, as Linux has them)",
          e);
    }
  }
}
