package com.telco.billing.protocol.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Writes a {@link BigDecimal} as a JSON number with exactly its digits and scale, in plain notation
 * ({@code 12.50} stays {@code 12.50}, never {@code 12.5} or {@code 1.25E+1}), never through {@code
 * double}.
 */
public final class ExactDecimalSerializer extends StdSerializer<BigDecimal> {
  private static final long serialVersionUID = 1L;

  public ExactDecimalSerializer() {
    super(BigDecimal.class);
  }

  @Override
  public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeNumber(value.toPlainString());
  }
}
