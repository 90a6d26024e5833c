package com.telco.billing.node.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finds kubectl and the repository's {@code k8s/} folder and renders overlays with kustomize. */
final class Kustomize {
  /** System property or environment variable: the kubectl to use instead of the one on PATH. */
  static final String KUBECTL_VARIABLE = "BILLING_TEST_KUBECTL";

  private Kustomize() {}

  /** kubectl from {@value #KUBECTL_VARIABLE} or the PATH; fails with what to do if absent. */
  static Path kubectl() {
    String configured = System.getProperty(KUBECTL_VARIABLE, System.getenv(KUBECTL_VARIABLE));
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured);
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Paths.get(dir, "kubectl");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "kubectl is not on the PATH. Install it (Debian: apt-get install kubernetes-client; .ci/run"
            + " does this) or set "
            + KUBECTL_VARIABLE
            + " to a kubectl binary.");
  }

  /** The repository's {@code k8s/} folder, found upwards from the working directory. */
  static Path k8sDir() {
    Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("k8s/base/kustomization.yaml"))) {
        return d.resolve("k8s");
      }
    }
    throw new IllegalStateException("no k8s/base/kustomization.yaml above " + dir);
  }

  /** {@code kubectl kustomize k8s/<overlay>}, parsed into one node per object. */
  static List<JsonNode> render(String overlay) {
    Path kubectl = kubectl();
    Path dir = k8sDir().resolve(overlay);
    String yaml = run(List.of(kubectl.toString(), "kustomize", dir.toString()));
    try {
      ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
      List<JsonNode> objects = new ArrayList<>();
      for (JsonNode node :
          mapper.readValues(new YAMLFactory().createParser(yaml), JsonNode.class).readAll()) {
        if (node != null && node.isObject() && node.has("kind")) {
          objects.add(node);
        }
      }
      return objects;
    } catch (IOException e) {
      throw new IllegalStateException("kubectl kustomize printed no valid YAML:\n" + yaml, e);
    }
  }

  private static String run(List<String> command) {
    try {
      Path err = Files.createTempFile("kustomize", ".err");
      try {
        Process process =
            new ProcessBuilder(command)
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("timed out: " + command);
        }
        if (process.exitValue() != 0) {
          throw new IllegalStateException(
              String.join(" ", command)
                  + " exited with "
                  + process.exitValue()
                  + ":\n"
                  + Files.readString(err));
        }
        return new String(out, StandardCharsets.UTF_8);
      } finally {
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
