package io.stepwise.behaviour;

import io.stepwise.spi.JsonCodec;
import io.stepwise.spi.JsonReader;
import io.stepwise.spi.JsonWriter;
import java.net.URI;
import java.net.URISyntaxException;

/** A user codec: {@link URI}, which generated codecs cannot write, as its string form. */
public final class UriCodec implements JsonCodec<URI> {
  @Override
  public void write(JsonWriter out, URI value) {
    out.value(value.toString());
  }

  @Override
  public URI read(JsonReader in) {
    String text = in.readString();
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw in.fail("expected a URI, found \"" + text + "\"");
    }
  }
}
