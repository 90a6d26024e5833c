package com.telco.billing.node.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigResolveOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders {@code k8s/overlays/dev} and {@code k8s/overlays/prod} with {@code kubectl kustomize} and
 * checks the objects against the node's real configuration: the configuration a pod gets (node.conf
 * over application.conf, resolved with the pod's environment from the Deployment, its ConfigMap and
 * Secret) must use the ports the container declares, join through the Kubernetes API discovery with
 * a label selector that matches the pod labels, and so on.
 */
class KustomizeRenderTest {
  /** The pod IP the downward API would give. */
  private static final String POD_IP = "10.42.0.7";

  private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

  private static List<JsonNode> rendered(String overlay) {
    return RENDERED.computeIfAbsent(overlay, o -> Kustomize.render("overlays/" + o));
  }

  // ---------------------------------------------------------------- both overlays

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void containerPortsAreTheNodesConfiguredPorts(String overlay) {
    Pod pod = pod(overlay);
    Config config = pod.nodeConfig();
    assertEquals(config.getInt("pekko.remote.artery.canonical.port"), pod.port("remoting"));
    assertEquals(config.getInt("pekko.management.http.port"), pod.port("management"));
    assertEquals(config.getInt("billing.http.port"), pod.port("http"));
    // the addresses other members and bootstrap probes use are the pod's own IP
    assertEquals(POD_IP, config.getString("pekko.remote.artery.canonical.hostname"));
    assertEquals(POD_IP, config.getString("pekko.management.http.hostname"));
    // kubelet probes and the Service reach Management and the API on any interface
    assertEquals("0.0.0.0", config.getString("pekko.management.http.bind-hostname"));
    assertEquals("0.0.0.0", config.getString("billing.http.host"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void probesAskManagementForReadinessAndLiveness(String overlay) {
    JsonNode container = pod(overlay).container;
    assertProbe(container, "readinessProbe", "/ready");
    assertProbe(container, "livenessProbe", "/alive");
    assertProbe(container, "startupProbe", "/alive");
  }

  private static void assertProbe(JsonNode container, String probe, String path) {
    JsonNode get = container.path(probe).path("httpGet");
    assertEquals(path, get.path("path").asText(), probe);
    assertEquals("management", get.path("port").asText(), probe + " port");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void joinsThroughKubernetesApiDiscoveryWithASelectorMatchingThePodLabels(String overlay) {
    Pod pod = pod(overlay);
    Config config = pod.nodeConfig();
    assertEquals("bootstrap", config.getString("billing.cluster.join"));

    String bootstrap = "pekko.management.cluster.bootstrap.contact-point-discovery";
    String method = config.getString(bootstrap + ".discovery-method");
    assertEquals("kubernetes-api", method);
    // the discovery implementation is configured, so its jar is on the node's classpath
    assertEquals(
        "org.apache.pekko.discovery.kubernetes.KubernetesApiServiceDiscovery",
        config.getString("pekko.discovery." + method + ".class"));

    String selector =
        String.format(
            config.getString("pekko.discovery.kubernetes-api.pod-label-selector"),
            config.getString(bootstrap + ".service-name"));
    Map<String, String> wanted = parseSelector(selector);
    assertFalse(wanted.isEmpty(), selector);
    Map<String, String> labels = pod.labels();
    wanted.forEach(
        (key, value) ->
            assertEquals(value, labels.get(key), "selector " + selector + " vs labels " + labels));

    // bootstrap contacts the port of this name; it must be Management's
    String portName = config.getString(bootstrap + ".port-name");
    assertEquals(config.getInt("pekko.management.http.port"), pod.port(portName));
    // pods are listed in the pod's own namespace
    assertEquals(
        pod.deployment.path("metadata").path("namespace").asText(),
        config.getString("pekko.discovery.kubernetes-api.pod-namespace"));
    // no new cluster forms before the initial replicas are all discovered
    assertEquals(
        pod.deployment.path("spec").path("replicas").asInt(),
        config.getInt(bootstrap + ".required-contact-point-nr"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void rbacLetsTheDeploymentsServiceAccountGetWatchAndListPods(String overlay) {
    List<JsonNode> objects = rendered(overlay);
    Pod pod = pod(overlay);
    String account = pod.template.path("spec").path("serviceAccountName").asText();
    assertFalse(account.isEmpty(), "the pods run under their own service account");
    assertNotNull(find(objects, "ServiceAccount", account), "ServiceAccount " + account);

    String namespace = pod.deployment.path("metadata").path("namespace").asText();
    boolean granted = false;
    for (JsonNode binding : all(objects, "RoleBinding")) {
      boolean forAccount = false;
      for (JsonNode subject : binding.path("subjects")) {
        forAccount |=
            subject.path("kind").asText().equals("ServiceAccount")
                && subject.path("name").asText().equals(account)
                && (subject.path("namespace").isMissingNode()
                    || subject.path("namespace").asText().equals(namespace));
      }
      JsonNode ref = binding.path("roleRef");
      if (!forAccount || !ref.path("kind").asText().equals("Role")) {
        continue;
      }
      JsonNode role = find(objects, "Role", ref.path("name").asText());
      assertNotNull(role, "Role " + ref.path("name").asText() + " of the binding");
      for (JsonNode rule : role.path("rules")) {
        if (texts(rule.path("apiGroups")).contains("")
            && texts(rule.path("resources")).contains("pods")
            && texts(rule.path("verbs")).containsAll(Set.of("get", "watch", "list"))) {
          granted = true;
        }
      }
    }
    assertTrue(granted, "a Role bound to " + account + " grants get, watch, list on pods");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void serviceBudgetAndAutoscalerSelectTheDeployment(String overlay) {
    List<JsonNode> objects = rendered(overlay);
    Pod pod = pod(overlay);
    Map<String, String> labels = pod.labels();

    JsonNode selector = pod.deployment.path("spec").path("selector").path("matchLabels");
    assertMatches(selector, labels, "Deployment selector");

    JsonNode service = find(objects, "Service", "billing-node");
    assertNotNull(service, "the HTTP Service");
    assertMatches(service.path("spec").path("selector"), labels, "Service selector");
    JsonNode servicePort = service.path("spec").path("ports").get(0);
    assertEquals(pod.port("http"), pod.port(servicePort.path("targetPort").asText()));

    JsonNode budget = only(objects, "PodDisruptionBudget");
    assertMatches(budget.path("spec").path("selector").path("matchLabels"), labels, "PDB selector");
    assertEquals(1, budget.path("spec").path("maxUnavailable").asInt(), "one pod at a time");

    JsonNode hpa = only(objects, "HorizontalPodAutoscaler");
    assertEquals("autoscaling/v2", hpa.path("apiVersion").asText());
    JsonNode target = hpa.path("spec").path("scaleTargetRef");
    assertEquals("Deployment", target.path("kind").asText());
    assertEquals(
        pod.deployment.path("metadata").path("name").asText(), target.path("name").asText());
    int min = hpa.path("spec").path("minReplicas").asInt();
    int max = hpa.path("spec").path("maxReplicas").asInt();
    assertTrue(min >= 1 && min <= max, "replicas " + min + ".." + max);
    assertEquals(pod.deployment.path("spec").path("replicas").asInt(), min);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void memoryComesFromTheContainerLimitAndShutdownIsGraceful(String overlay) {
    Pod pod = pod(overlay);
    JsonNode resources = pod.container.path("resources");
    assertFalse(resources.path("limits").path("memory").asText().isEmpty(), "memory limit");
    assertFalse(resources.path("requests").path("memory").asText().isEmpty(), "memory request");
    assertFalse(resources.path("requests").path("cpu").asText().isEmpty(), "cpu request");
    String javaOptions = pod.env().get("JAVA_TOOL_OPTIONS");
    assertTrue(javaOptions.contains("-XX:MaxRAMPercentage="), javaOptions);
    assertFalse(javaOptions.contains("-Xmx"), "no fixed heap: " + javaOptions);

    // SIGTERM runs CoordinatedShutdown; Kubernetes must wait for its slow phases
    Config config = pod.nodeConfig();
    Duration needed =
        Duration.ofSeconds(preStopSleepSeconds(pod.container))
            .plus(config.getDuration("billing.http.shutdown-deadline"))
            .plus(phase(config, "cluster-sharding-shutdown-region"))
            .plus(phase(config, "cluster-exiting"));
    long grace = pod.template.path("spec").path("terminationGracePeriodSeconds").asLong();
    assertTrue(grace >= needed.toSeconds(), "grace " + grace + " s < " + needed);
    assertTrue(config.getBoolean("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void prometheusScrapesTheMetricsRouteOnTheManagementPort(String overlay) {
    Pod pod = pod(overlay);
    JsonNode annotations = pod.template.path("metadata").path("annotations");
    assertEquals("true", annotations.path("prometheus.io/scrape").asText());
    assertEquals(
        pod.port("management"), Integer.parseInt(annotations.path("prometheus.io/port").asText()));
    assertEquals("/metrics", annotations.path("prometheus.io/path").asText());
    Config config = pod.nodeConfig();
    assertEquals(
        "com.telco.billing.node.http.MetricsRoutes",
        config.getString("pekko.management.http.routes.metrics"));
    assertEquals("", config.getString("pekko.management.http.base-path"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void appVersionIsSetFromTheDeployment(String overlay) {
    Pod pod = pod(overlay);
    String version = pod.env().get("BILLING_APP_VERSION");
    assertNotNull(version, "BILLING_APP_VERSION in the pod's environment");
    assertEquals(version, pod.nodeConfig().getString("pekko.cluster.app-version"));
  }

  // ---------------------------------------------------------------- per overlay

  @Test
  void devRunsOneNodeWithASingleNodeCassandra() {
    List<JsonNode> objects = rendered("dev");
    Pod pod = pod("dev");
    assertEquals(1, pod.deployment.path("spec").path("replicas").asInt());
    JsonNode cassandra = only(objects, "StatefulSet");
    assertEquals(1, cassandra.path("spec").path("replicas").asInt());
    String serviceName = cassandra.path("spec").path("serviceName").asText();
    JsonNode headless = find(objects, "Service", serviceName);
    assertNotNull(headless, "the StatefulSet's Service " + serviceName);
    assertEquals("None", headless.path("spec").path("clusterIP").asText());
    assertMatches(
        headless.path("spec").path("selector"),
        labels(cassandra.path("spec").path("template")),
        "Cassandra Service selector");
    Config config = pod.nodeConfig();
    assertEquals(serviceName + ":9042", config.getString("billing.cassandra.contact-point"));
    assertTrue(config.getBoolean("billing.cassandra.autocreate"));
    assertTrue(
        only(objects, "Secret").path("data").size() > 0, "dev Secret with Cassandra credentials");
    assertEquals(
        "cassandra", config.getString("datastax-java-driver.advanced.auth-provider.username"));
  }

  @Test
  void prodRunsThreeOrMoreNodesOnDifferentHostsAgainstAnExternalCassandra() {
    List<JsonNode> objects = rendered("prod");
    Pod pod = pod("prod");
    assertTrue(pod.deployment.path("spec").path("replicas").asInt() >= 3);
    assertTrue(
        only(objects, "HorizontalPodAutoscaler").path("spec").path("minReplicas").asInt() >= 3);

    JsonNode required =
        pod.template
            .path("spec")
            .path("affinity")
            .path("podAntiAffinity")
            .path("requiredDuringSchedulingIgnoredDuringExecution");
    boolean perHost = false;
    for (JsonNode term : required) {
      if (term.path("topologyKey").asText().equals("kubernetes.io/hostname")) {
        assertMatches(
            term.path("labelSelector").path("matchLabels"), pod.labels(), "anti-affinity");
        perHost = true;
      }
    }
    assertTrue(perHost, "required pod anti-affinity on kubernetes.io/hostname");

    assertTrue(all(objects, "StatefulSet").isEmpty(), "no Cassandra of its own");
    assertTrue(all(objects, "Secret").isEmpty(), "no secret in the repository");
    Config config = pod.nodeConfig();
    assertFalse(config.getString("billing.cassandra.contact-point").startsWith("127.0.0.1"));
    assertFalse(config.getBoolean("billing.cassandra.autocreate"));
    assertEquals(
        "PlainTextAuthProvider",
        config.getString("datastax-java-driver.advanced.auth-provider.class"));
    // tokens are verified against the identity provider's keys, never a dev key
    assertTrue(config.getString("billing.security.jwt.jwks-url").startsWith("https://"));
    assertEquals("", config.getString("billing.security.jwt.public-key-file"));
    assertFalse(config.getString("billing.security.jwt.issuer").contains("dev"));
  }

  @Test
  void prodServesHttpsTalksTlsToCassandraAndBetweenTheNodesWithStoresFromSecrets() {
    Pod pod = pod("prod");
    Config config = pod.nodeConfig();

    String httpKeystore = config.getString("billing.http.tls.keystore-path");
    assertEquals("billing-http-tls", pod.secretMountedAt(httpKeystore), httpKeystore);
    String httpPassword = config.getString("billing.http.tls.keystore-password-file");
    assertEquals("billing-http-tls", pod.secretMountedAt(httpPassword), httpPassword);
    assertEquals("PKCS12", config.getString("billing.http.tls.keystore-type"));
    JsonNode service = find(rendered("prod"), "Service", "billing-node");
    JsonNode servicePort = service.path("spec").path("ports").get(0);
    assertEquals(443, servicePort.path("port").asInt());
    assertEquals("https", servicePort.path("name").asText());

    assertTrue(config.getBoolean("billing.cassandra.tls.enabled"));
    String truststore = config.getString("billing.cassandra.tls.truststore-path");
    assertEquals("billing-cassandra-tls", pod.secretMountedAt(truststore), truststore);
    String truststorePassword = config.getString("billing.cassandra.tls.truststore-password-file");
    assertEquals("billing-cassandra-tls", pod.secretMountedAt(truststorePassword));
    assertTrue(config.getBoolean("billing.cassandra.tls.hostname-validation"));

    assertEquals("tls-tcp", config.getString("pekko.remote.artery.transport"));
    String ssl = "pekko.remote.artery.ssl.config-ssl-engine.";
    for (String store : List.of("key-store", "trust-store")) {
      String file = config.getString(ssl + store);
      assertEquals("billing-remoting-tls", pod.secretMountedAt(file), store + " " + file);
    }
    assertEquals(
        secretStandIn("billing-remoting-tls", "keystore-password"),
        config.getString(ssl + "key-store-password"));
    assertEquals(
        secretStandIn("billing-remoting-tls", "keystore-password"),
        config.getString(ssl + "key-password"));
    assertEquals(
        secretStandIn("billing-remoting-tls", "truststore-password"),
        config.getString(ssl + "trust-store-password"));
    assertTrue(config.getBoolean(ssl + "require-mutual-authentication"));
    assertTrue(config.getString(ssl + "protocol").matches("TLSv1\\.[23]"));

    // the node's user reads the Secret files through the pod's group
    long group = pod.template.path("spec").path("securityContext").path("fsGroup").asLong(-1);
    assertEquals(
        pod.template.path("spec").path("securityContext").path("runAsGroup").asLong(), group);
  }

  @Test
  void devStaysPlain() {
    Config config = pod("dev").nodeConfig();
    assertEquals("", config.getString("billing.http.tls.keystore-path"));
    assertFalse(config.getBoolean("billing.cassandra.tls.enabled"));
    assertEquals("tcp", config.getString("pekko.remote.artery.transport"));
  }

  private static String secretStandIn(String name, String key) {
    return "<secret:" + name + "/" + key + ">";
  }

  // ---------------------------------------------------------------- the pod

  /** The billing Deployment of an overlay, its pod template and its one container. */
  private static final class Pod {
    final List<JsonNode> objects;
    final JsonNode deployment;
    final JsonNode template;
    final JsonNode container;

    Pod(List<JsonNode> objects, JsonNode deployment) {
      this.objects = objects;
      this.deployment = deployment;
      this.template = deployment.path("spec").path("template");
      JsonNode containers = template.path("spec").path("containers");
      assertEquals(1, containers.size(), "one container");
      this.container = containers.get(0);
    }

    Map<String, String> labels() {
      return KustomizeRenderTest.labels(template);
    }

    int port(String name) {
      for (JsonNode port : container.path("ports")) {
        if (port.path("name").asText().equals(name)) {
          return port.path("containerPort").asInt();
        }
      }
      throw new AssertionError("no container port named " + name);
    }

    /**
     * The container's environment as Kubernetes builds it: envFrom in order, then env (which wins);
     * downward API fields with made-up values. A Secret not in the overlay (prod: created by the
     * operator) contributes nothing.
     */
    Map<String, String> env() {
      Map<String, String> env = new LinkedHashMap<>();
      for (JsonNode from : container.path("envFrom")) {
        if (from.has("configMapRef")) {
          String name = from.path("configMapRef").path("name").asText();
          JsonNode map = find(objects, "ConfigMap", name);
          assertNotNull(map, "ConfigMap " + name);
          map.path("data")
              .fields()
              .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        } else if (from.has("secretRef")) {
          JsonNode secret = find(objects, "Secret", from.path("secretRef").path("name").asText());
          if (secret != null) {
            secret
                .path("data")
                .fields()
                .forEachRemaining(
                    e ->
                        env.put(
                            e.getKey(),
                            new String(
                                Base64.getDecoder().decode(e.getValue().asText()),
                                StandardCharsets.UTF_8)));
          }
        }
      }
      for (JsonNode var : container.path("env")) {
        String name = var.path("name").asText();
        if (var.has("value")) {
          env.put(name, var.path("value").asText());
        } else if (var.path("valueFrom").has("secretKeyRef")) {
          env.put(name, secretValue(var.path("valueFrom").path("secretKeyRef")));
        } else {
          String field = var.path("valueFrom").path("fieldRef").path("fieldPath").asText();
          switch (field) {
            case "status.podIP" -> env.put(name, POD_IP);
            case "metadata.namespace" ->
                env.put(name, deployment.path("metadata").path("namespace").asText("default"));
            default -> fail("unexpected valueFrom of " + name + ": " + var);
          }
        }
      }
      return env;
    }

    /**
     * The value of a Secret's key: from the Secret when the overlay has it, else (prod: created by
     * the operator) a stand-in naming it, {@code <secret:NAME/KEY>}.
     */
    private String secretValue(JsonNode ref) {
      String name = ref.path("name").asText();
      String key = ref.path("key").asText();
      JsonNode secret = find(objects, "Secret", name);
      if (secret == null) {
        return secretStandIn(name, key);
      }
      JsonNode value = secret.path("data").path(key);
      assertTrue(value.isTextual(), key + " in Secret " + name);
      return new String(Base64.getDecoder().decode(value.asText()), StandardCharsets.UTF_8);
    }

    /** The Secret volume mounted over {@code path}, or null when no Secret is mounted there. */
    String secretMountedAt(String path) {
      for (JsonNode mount : container.path("volumeMounts")) {
        if (!path.startsWith(mount.path("mountPath").asText() + "/")) {
          continue;
        }
        for (JsonNode volume : template.path("spec").path("volumes")) {
          if (volume.path("name").asText().equals(mount.path("name").asText())
              && volume.has("secret")) {
            assertTrue(mount.path("readOnly").asBoolean(), "read-only mount of " + path);
            return volume.path("secret").path("secretName").asText();
          }
        }
      }
      return null;
    }

    /**
     * The configuration the node loads in this pod: the file named by -Dconfig.file (from the
     * mounted ConfigMap), with the pod's environment for the ${?BILLING_...} overrides.
     */
    Config nodeConfig() {
      Map<String, String> env = env();
      String configFile = null;
      for (String option : env.getOrDefault("JAVA_TOOL_OPTIONS", "").split("\\s+")) {
        if (option.startsWith("-Dconfig.file=")) {
          configFile = option.substring("-Dconfig.file=".length());
        }
      }
      assertNotNull(configFile, "JAVA_TOOL_OPTIONS names the node's configuration file");
      String text = mountedFile(configFile);
      Map<String, Object> envConfig = new HashMap<>(env);
      return ConfigFactory.parseMap(envConfig)
          .withFallback(ConfigFactory.parseString(text))
          .withFallback(ConfigFactory.defaultReference())
          .resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(false));
    }

    /** The content of a file in the container that comes from a ConfigMap volume. */
    private String mountedFile(String path) {
      for (JsonNode mount : container.path("volumeMounts")) {
        String dir = mount.path("mountPath").asText();
        if (!path.startsWith(dir + "/")) {
          continue;
        }
        String key = path.substring(dir.length() + 1);
        for (JsonNode volume : template.path("spec").path("volumes")) {
          if (volume.path("name").asText().equals(mount.path("name").asText())) {
            String mapName = volume.path("configMap").path("name").asText();
            JsonNode map = find(objects, "ConfigMap", mapName);
            assertNotNull(map, "ConfigMap " + mapName + " of volume " + mount.path("name"));
            JsonNode data = map.path("data").path(key);
            assertTrue(data.isTextual(), key + " in ConfigMap " + mapName);
            return data.asText();
          }
        }
      }
      throw new AssertionError(path + " is not in a mounted ConfigMap");
    }
  }

  private static Pod pod(String overlay) {
    List<JsonNode> objects = rendered(overlay);
    return new Pod(objects, only(objects, "Deployment"));
  }

  // ---------------------------------------------------------------- helpers

  private static Duration phase(Config config, String phase) {
    return config.getDuration("pekko.coordinated-shutdown.phases." + phase + ".timeout");
  }

  private static long preStopSleepSeconds(JsonNode container) {
    JsonNode command = container.path("lifecycle").path("preStop").path("exec").path("command");
    String joined = texts(command).stream().collect(Collectors.joining(" "));
    java.util.regex.Matcher sleep = java.util.regex.Pattern.compile("sleep (\\d+)").matcher(joined);
    return sleep.find() ? Long.parseLong(sleep.group(1)) : 0;
  }

  private static Map<String, String> labels(JsonNode template) {
    Map<String, String> labels = new HashMap<>();
    template
        .path("metadata")
        .path("labels")
        .fields()
        .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels;
  }

  private static void assertMatches(JsonNode selector, Map<String, String> labels, String what) {
    assertTrue(selector.size() > 0, what + " is empty");
    selector
        .fields()
        .forEachRemaining(
            e -> assertEquals(e.getValue().asText(), labels.get(e.getKey()), what + " " + e));
  }

  /** {@code key=value[,key=value...]}, the equality-based label selector discovery sends. */
  private static Map<String, String> parseSelector(String selector) {
    Map<String, String> parsed = new LinkedHashMap<>();
    for (String term : selector.split(",")) {
      String[] kv = term.trim().split("==?", 2);
      assertEquals(2, kv.length, "equality selector expected: " + selector);
      parsed.put(kv[0].trim(), kv[1].trim());
    }
    return parsed;
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> texts = new TreeSet<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  private static List<JsonNode> all(List<JsonNode> objects, String kind) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode object : objects) {
      if (object.path("kind").asText().equals(kind)) {
        found.add(object);
      }
    }
    return found;
  }

  private static JsonNode only(List<JsonNode> objects, String kind) {
    List<JsonNode> found = all(objects, kind);
    assertEquals(1, found.size(), "one " + kind);
    return found.get(0);
  }

  private static JsonNode find(List<JsonNode> objects, String kind, String name) {
    for (JsonNode object : all(objects, kind)) {
      if (object.path("metadata").path("name").asText().equals(name)) {
        return object;
      }
    }
    return null;
  }
}
