package io.stepwise.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * One {@code @Provides} method of a workflow class.
 *
 * @param index position among the workflow's providers in declaration order
 * @param method the method's name
 * @param type the resource type it returns, as written
 * @param label the resource type as a user writes it, for graphs and messages
 * @param qualifier its {@code @Provides(name)}, empty when unnamed
 * @param slot its slot in the compiled workflow's resource cache, or -1 when not cached
 * @param params the resources it takes, in declaration order
 * @param source the method; only validation uses it, to place diagnostics
 */
public record ProviderModel(
    int index, String method, TypeName type, String label, String qualifier, int slot,
    List<StepParam.ResourceParam> params, Element source) {

  public ProviderModel {
    params = List.copyOf(params);
  }

  public boolean cached() {
    return slot >= 0;
  }
}
