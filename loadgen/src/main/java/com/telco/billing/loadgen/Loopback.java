package com.telco.billing.loadgen;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The load generator only ever talks to this machine: a URL whose host is not {@code localhost}, an
 * IPv4 loopback literal ({@code 127.x.y.z}) or {@code ::1} is refused. Names are not resolved, so a
 * DNS entry that points elsewhere cannot slip through.
 */
public final class Loopback {
  private static final Pattern IPV4_LOOPBACK =
      Pattern.compile("127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){2}");

  private Loopback() {}

  /**
   * @return whether {@code host} (as in a URL, IPv6 possibly in brackets) names this machine
   */
  public static boolean isLoopbackHost(String host) {
    if (host == null) {
      return false;
    }
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost")
        || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1")
        || IPV4_LOOPBACK.matcher(h).matches();
  }

  /**
   * Parses an {@code http://} URL and checks that it points at this machine.
   *
   * @return the URL without a trailing slash
   * @throws IllegalArgumentException if it is not an http URL on a loopback host
   */
  public static URI requireLoopback(String url) {
    URI uri;
    try {
      uri = URI.create(url.strip().replaceAll("/+$", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a URL: " + url, e);
    }
    if (!"http".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException("only http:// URLs are supported, not " + url);
    }
    if (!isLoopbackHost(uri.getHost())) {
      throw new IllegalArgumentException(
          "refusing "
              + url
              + ": the load generator only targets this machine"
              + " (localhost, 127.x.y.z or ::1)");
    }
    return uri;
  }
}
