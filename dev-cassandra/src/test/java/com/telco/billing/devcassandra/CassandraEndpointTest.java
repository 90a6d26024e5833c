package com.telco.billing.devcassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CassandraEndpointTest {

  @Test
  void parsesHostAndPort() {
    CassandraEndpoint endpoint = CassandraEndpoint.parse(" 127.0.0.1:19042 ", "dc1");
    assertEquals("127.0.0.1", endpoint.host());
    assertEquals(19042, endpoint.port());
    assertEquals("dc1", endpoint.localDatacenter());
    assertEquals("127.0.0.1:19042", endpoint.hostAndPort());
  }

  @Test
  void parsesBracketedIpv6() {
    CassandraEndpoint endpoint = CassandraEndpoint.parse("[::1]:9042", "dc1");
    assertEquals("::1", endpoint.host());
    assertEquals("[::1]:9042", endpoint.hostAndPort());
  }

  @Test
  void rejectsMalformedText() {
    for (String text : new String[] {"localhost", ":9042", "host:", "host:port", "h:70000"}) {
      assertThrows(
          IllegalArgumentException.class, () -> CassandraEndpoint.parse(text, "dc1"), text);
    }
  }
}
