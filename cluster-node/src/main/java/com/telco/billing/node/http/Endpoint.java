package com.telco.billing.node.http;

import com.telco.billing.node.security.Role;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.apache.pekko.http.javadsl.model.HttpMethod;
import org.apache.pekko.http.javadsl.model.HttpMethods;

/**
 * One operation of the API: its method, its path (a template as the OpenAPI document writes it,
 * e.g. {@code /accounts/{id}}) and the roles that may call it. A public endpoint needs no
 * credentials; every other one needs one of its roles.
 */
public record Endpoint(String method, String path, Set<Role> roles, boolean isPublic) {
  public Endpoint {
    // in the enum's order, so that documents list roles the same way every time
    roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    if (!isPublic && roles.isEmpty()) {
      throw new IllegalArgumentException(method + " " + path + " declares no role");
    }
  }

  static Endpoint secured(String method, String path, Set<Role> roles) {
    return new Endpoint(method, path, roles, false);
  }

  static Endpoint open(String method, String path) {
    return new Endpoint(method, path, Set.of(), true);
  }

  public HttpMethod httpMethod() {
    return HttpMethods.lookup(method).orElseThrow();
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
