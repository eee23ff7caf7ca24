package io.stepwise.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * One resource provider of a workflow: a {@code @Provides} method, or a {@code @Config} file the
 * generated code reads.
 *
 * @param index position among the workflow's providers: methods in declaration order, then config files
 * @param method the method's name; for a config file, a name made from the file ({@code config_app_json})
 * @param type the resource type it returns, as written
 * @param label the resource type as a user writes it, for graphs and messages
 * @param qualifier its {@code @Provides(name)}, empty when unnamed
 * @param slot its slot in the compiled workflow's resource cache, or -1 when not cached
 * @param params the resources it takes, in declaration order
 * @param source the method; only validation uses it, to place diagnostics
 * @param config the file a config resource is read from, null for a {@code @Provides} method
 */
public record ProviderModel(
    int index, String method, TypeName type, String label, String qualifier, int slot,
    List<StepParam.ResourceParam> params, Element source, ConfigSource config) {

  public ProviderModel {
    params = List.copyOf(params);
  }

  /** A {@code @Provides} method. */
  public ProviderModel(int index, String method, TypeName type, String label, String qualifier, int slot,
      List<StepParam.ResourceParam> params, Element source) {
    this(index, method, type, label, qualifier, slot, params, source, null);
  }

  public boolean cached() {
    return slot >= 0;
  }

  public boolean isConfig() {
    return config != null;
  }

  /**
   * Where a config resource comes from.
   *
   * @param file the path {@code @Config} names
   * @param select the dotted path of the section that holds the record, empty for the whole file
   */
  public record ConfigSource(String file, String select) {
    /** As graphs show it: {@code app.json}, or {@code app.json#classifier} for a section. */
    public String describe() {
      return select.isEmpty() ? file : file + "#" + select;
    }
  }
}
