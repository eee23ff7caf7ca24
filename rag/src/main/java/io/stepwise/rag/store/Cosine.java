package io.stepwise.rag.store;

/** Cosine similarity of two vectors of the same dimension. */
public final class Cosine {
  private Cosine() {}

  public static double similarity(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("Cannot compare a " + a.length + "-dimensional vector with a " + b.length
          + "-dimensional one. Embed the query with the model that embedded the documents.");
    }
    double dot = 0;
    double normA = 0;
    double normB = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      normA += (double) a[i] * a[i];
      normB += (double) b[i] * b[i];
    }
    return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
  }
}
