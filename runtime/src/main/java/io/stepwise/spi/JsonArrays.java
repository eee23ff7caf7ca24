package io.stepwise.spi;

/** Codecs for arrays of primitives (except {@code byte[]}, which is base64: {@link JsonCodecs#BYTES}). */
public final class JsonArrays {
  private JsonArrays() {}

  public static final JsonCodec<int[]> INTS = new JsonCodec<>() {
    @Override
    public void write(JsonWriter out, int[] value) {
      out.beginArray();
      for (int item : value) {
        out.value(item);
      }
      out.endArray();
    }

    @Override
    public int[] read(JsonReader in) {
      int[] items = new int[8];
      int size = 0;
      in.beginArray();
      while (in.nextElement()) {
        items = size == items.length ? java.util.Arrays.copyOf(items, size * 2) : items;
        items[size++] = in.readInt();
      }
      return java.util.Arrays.copyOf(items, size);
    }
  };

  public static final JsonCodec<long[]> LONGS = new JsonCodec<>() {
    @Override
    public void write(JsonWriter out, long[] value) {
      out.beginArray();
      for (long item : value) {
        out.value(item);
      }
      out.endArray();
    }

    @Override
    public long[] read(JsonReader in) {
      long[] items = new long[8];
      int size = 0;
      in.beginArray();
      while (in.nextElement()) {
        items = size == items.length ? java.util.Arrays.copyOf(items, size * 2) : items;
        items[size++] = in.readLong();
      }
      return java.util.Arrays.copyOf(items, size);
    }
  };

  public static final JsonCodec<double[]> DOUBLES = new JsonCodec<>() {
    @Override
    public void write(JsonWriter out, double[] value) {
      out.beginArray();
      for (double item : value) {
        out.value(item);
      }
      out.endArray();
    }

    @Override
    public double[] read(JsonReader in) {
      double[] items = new double[8];
      int size = 0;
      in.beginArray();
      while (in.nextElement()) {
        items = size == items.length ? java.util.Arrays.copyOf(items, size * 2) : items;
        items[size++] = in.readDouble();
      }
      return java.util.Arrays.copyOf(items, size);
    }
  };

  // The rarer element types go through a boxed list: simpler, and still reflection-free.
  public static final JsonCodec<float[]> FLOATS = boxed(JsonCodecs.FLOAT, list -> {
    float[] items = new float[list.size()];
    for (int i = 0; i < items.length; i++) {
      items[i] = list.get(i);
    }
    return items;
  }, (out, v) -> {
    for (float item : v) {
      out.value(item);
    }
  });

  public static final JsonCodec<short[]> SHORTS = boxed(JsonCodecs.SHORT, list -> {
    short[] items = new short[list.size()];
    for (int i = 0; i < items.length; i++) {
      items[i] = list.get(i);
    }
    return items;
  }, (out, v) -> {
    for (short item : v) {
      out.value(item);
    }
  });

  public static final JsonCodec<boolean[]> BOOLEANS = boxed(JsonCodecs.BOOLEAN, list -> {
    boolean[] items = new boolean[list.size()];
    for (int i = 0; i < items.length; i++) {
      items[i] = list.get(i);
    }
    return items;
  }, (out, v) -> {
    for (boolean item : v) {
      out.value(item);
    }
  });

  public static final JsonCodec<char[]> CHARS = boxed(JsonCodecs.CHARACTER, list -> {
    char[] items = new char[list.size()];
    for (int i = 0; i < items.length; i++) {
      items[i] = list.get(i);
    }
    return items;
  }, (out, v) -> {
    for (char item : v) {
      out.value(item);
    }
  });

  private interface Elements<A> {
    void write(JsonWriter out, A array);
  }

  private static <B, A> JsonCodec<A> boxed(
      JsonCodec<B> element, java.util.function.Function<java.util.List<B>, A> unbox, Elements<A> elements) {
    return new JsonCodec<>() {
      @Override
      public void write(JsonWriter out, A value) {
        out.beginArray();
        elements.write(out, value);
        out.endArray();
      }

      @Override
      public A read(JsonReader in) {
        var items = new java.util.ArrayList<B>();
        in.beginArray();
        while (in.nextElement()) {
          // Elements of a primitive array cannot be null: the element codec rejects the null token.
          items.add(element.read(in));
        }
        return unbox.apply(items);
      }
    };
  }
}
