package io.stepwise.processor;

import com.palantir.javapoet.TypeName;
import io.stepwise.processor.model.ProviderModel;
import io.stepwise.processor.model.StepParam;
import io.stepwise.processor.validation.AmbiguousResourceRule;
import io.stepwise.processor.validation.ConfigResourceRule;
import io.stepwise.processor.validation.ErrorReporter;
import io.stepwise.processor.validation.MissingResourceRule;
import io.stepwise.processor.validation.ProviderSignatureRule;
import io.stepwise.processor.validation.ResourceCycleRule;
import io.stepwise.processor.validation.RetryPolicyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads the {@code @Provides} methods of a workflow class and matches resource parameters to
 * them. A parameter receives the one provider of its exact type; when several return that type,
 * {@code @Provides.Named("x")} on the parameter picks the one declared {@code @Provides(name = "x")}.
 */
final class ResourceReader {
  static final String PROVIDES = "io.stepwise.annotations.Provides";
  static final String NAMED = "io.stepwise.annotations.Provides.Named";
  static final String RETRY_POLICY = "io.stepwise.RetryPolicy";
  static final String CONFIG = "io.stepwise.annotations.Config";
  private static final ProviderSignatureRule PROVIDER_SIGNATURE = new ProviderSignatureRule();
  private static final ConfigResourceRule CONFIG_RESOURCE = new ConfigResourceRule();
  private static final MissingResourceRule MISSING = new MissingResourceRule();
  private static final AmbiguousResourceRule AMBIGUOUS = new AmbiguousResourceRule();
  private static final RetryPolicyRule POLICY_RULE = new RetryPolicyRule();
  private static final ResourceCycleRule CYCLES = new ResourceCycleRule();

  private final Elements elements;
  private final Types types;
  private final EventTypes eventTypes;
  private final ErrorReporter reporter;

  ResourceReader(Elements elements, Types types, EventTypes eventTypes, ErrorReporter reporter) {
    this.elements = elements;
    this.types = types;
    this.eventTypes = eventTypes;
    this.reporter = reporter;
  }

  /**
   * A provider as declared, before its own parameters are matched.
   *
   * @param signature its type as a member of the workflow class
   */
  private record Declared(ExecutableElement method, ExecutableType signature, String qualifier, boolean cached) {
    String name() {
      return method.getSimpleName().toString();
    }

    TypeMirror type() {
      return signature.getReturnType();
    }
  }

  /** A {@code @Config} parameter's file, read by generated code; {@code site} is the method that first asks for it. */
  private record ConfigFile(TypeMirror type, String file, String select, String name, Element site) {}

  /** The providers of one workflow class, for matching the parameters of its steps and providers. */
  final class Providers {
    private final List<Declared> declared;
    private final List<ProviderModel> models = new ArrayList<>();
    private final List<ConfigFile> configs = new ArrayList<>();

    private Providers(List<Declared> declared) {
      this.declared = declared;
    }

    /**
     * The providers, read and matched: the methods, then the config files (cached after the
     * methods' slots); the list the generated code and the graph use.
     */
    List<ProviderModel> models() {
      var all = new ArrayList<>(models);
      int slot = (int) models.stream().filter(ProviderModel::cached).count();
      for (int i = 0; i < configs.size(); i++) {
        ConfigFile config = configs.get(i);
        all.add(new ProviderModel(declared.size() + i, config.name(), TypeName.get(config.type()),
            TypeLabels.of(config.type()), "", slot++, List.of(), config.site(),
            new ProviderModel.ConfigSource(config.file(), config.select())));
      }
      return all;
    }

    /**
     * A parameter annotated {@code @Config}: the resource read from that file, one per type, file
     * and section however many parameters ask for it.
     */
    private StepParam.ResourceParam config(VariableElement param, TypeMirror type, AnnotationValues annotation,
        String owner, Consumer<String> error) {
      String name = param.getSimpleName().toString();
      String file = annotation.string("value");
      String select = annotation.string("select");
      var kind = type.getKind() == TypeKind.DECLARED ? types.asElement(type).getKind() : null;
      var problem = CONFIG_RESOURCE.check(owner, name, file, select, TypeLabels.of(type),
          kind == ElementKind.RECORD || kind == ElementKind.CLASS);
      if (problem.isPresent()) {
        error.accept(problem.get());
        return null;
      }
      for (int i = 0; i < configs.size(); i++) {
        ConfigFile config = configs.get(i);
        if (types.isSameType(config.type(), type) && config.file().equals(file) && config.select().equals(select)) {
          return new StepParam.ResourceParam(name, TypeName.get(type), declared.size() + i);
        }
      }
      configs.add(new ConfigFile(type, file, select, configName(file, select), param.getEnclosingElement()));
      return new StepParam.ResourceParam(name, TypeName.get(type), declared.size() + configs.size() - 1);
    }

    /** {@code config_classifier_json}, suffixed when another provider already has the name. */
    private String configName(String file, String select) {
      String base = ("config_" + file + (select.isEmpty() ? "" : "_" + select)).replaceAll("[^A-Za-z0-9_]", "_");
      String name = base;
      for (int n = 2; taken(name); n++) {
        name = base + "_" + n;
      }
      return name;
    }

    private boolean taken(String name) {
      return declared.stream().anyMatch(d -> d.name().equals(name))
          || configs.stream().anyMatch(c -> c.name().equals(name));
    }

    /**
     * Matches a parameter that is neither an event nor a Context to its provider.
     *
     * @param type the parameter's type as a member of the workflow class
     * @param owner {@code Step 'x'} or {@code Provider 'y'}, for messages
     * @param error where a problem is reported
     * @return the resource parameter, or null when no single provider matches
     */
    StepParam.ResourceParam resolve(VariableElement param, TypeMirror type, String owner, Consumer<String> error) {
      var config = AnnotationValues.find(elements, param, CONFIG);
      if (config.isPresent()) {
        return config(param, type, config.get(), owner, error);
      }
      String name = param.getSimpleName().toString();
      String qualifier = AnnotationValues.find(elements, param, NAMED).map(a -> a.string("value")).orElse(null);
      var matches = new ArrayList<Integer>();
      for (int i = 0; i < declared.size(); i++) {
        Declared provider = declared.get(i);
        if (types.isSameType(provider.type(), type)
            && (qualifier == null || provider.qualifier().equals(qualifier))) {
          matches.add(i);
        }
      }
      String subject = owner + " parameter '" + name + "' of type " + type
          + (qualifier == null ? "" : " named \"" + qualifier + "\"");
      var all = declared.stream().map(ResourceReader::describe).sorted().toList();
      var candidates = matches.stream().map(declared::get).toList();
      var listed = candidates.stream().map(ResourceReader::describe).sorted().toList();
      boolean sameName = candidates.stream().map(Declared::qualifier).distinct().count() == 1;
      var problem = MISSING.check(subject, TypeLabels.of(type), qualifier, all, matches.size())
          .or(() -> AMBIGUOUS.check(subject, TypeLabels.of(type), listed, sameName));
      if (problem.isPresent()) {
        error.accept(problem.get());
        return null;
      }
      return new StepParam.ResourceParam(name, TypeName.get(type), matches.getFirst());
    }

    /**
     * The provider of the {@code io.stepwise.RetryPolicy} a step's {@code retryPolicy} names: a
     * provider returning a RetryPolicy whose method name or {@code @Provides(name)} is {@code name}.
     *
     * @param owner {@code Step 'x'}, for messages
     * @return its index, or -1 when no single provider matches (reported through {@code error})
     */
    int retryPolicy(String name, String owner, Consumer<String> error) {
      TypeElement policyType = elements.getTypeElement(RETRY_POLICY);
      var policies = new ArrayList<Integer>();
      var matches = new ArrayList<Integer>();
      for (int i = 0; i < declared.size(); i++) {
        Declared provider = declared.get(i);
        if (policyType == null || !types.isAssignable(provider.type(), policyType.asType())) {
          continue;
        }
        policies.add(i);
        if (provider.name().equals(name) || provider.qualifier().equals(name)) {
          matches.add(i);
        }
      }
      var problem = POLICY_RULE.checkProvider(owner, name,
          policies.stream().map(declared::get).map(ResourceReader::describe).sorted().toList(),
          matches.stream().map(declared::get).map(ResourceReader::describe).sorted().toList());
      if (problem.isPresent()) {
        error.accept(problem.get());
        return -1;
      }
      return matches.getFirst();
    }
  }

  /**
   * Reads the class's providers, checking their signatures, parameters and dependency cycles.
   *
   * @param members the workflow's {@code @Provides} methods, its own and inherited
   * @throws MissingTypeException when a provider uses a type that does not exist yet
   */
  Providers read(List<WorkflowMembers.Member> members) {
    var declared = new ArrayList<Declared>();
    for (WorkflowMembers.Member member : members) {
      MissingTypeException.check(member.type().getReturnType());
      member.type().getParameterTypes().forEach(MissingTypeException::check);
      var annotation = AnnotationValues.find(elements, member.method(), PROVIDES).orElseThrow();
      TypeMirror returned = member.type().getReturnType();
      PROVIDER_SIGNATURE.check(member.method(), returned, TypeLabels.of(returned), eventTypes.isEvent(returned))
          .forEach(message -> reporter.error(member.method(), message));
      declared.add(new Declared(member.method(), member.type(), annotation.string("name"), annotation.bool("cached")));
    }
    var providers = new Providers(List.copyOf(declared));
    int slot = 0;
    for (int i = 0; i < declared.size(); i++) {
      Declared provider = declared.get(i);
      ExecutableElement method = provider.method();
      String owner = "Provider '" + provider.name() + "'";
      var params = new ArrayList<StepParam.ResourceParam>();
      var declaredParams = method.getParameters();
      for (int p = 0; p < declaredParams.size(); p++) {
        VariableElement param = declaredParams.get(p);
        TypeMirror paramType = provider.signature().getParameterTypes().get(p);
        var notResource = PROVIDER_SIGNATURE.checkParameter(owner, param.getSimpleName().toString(),
            eventTypes.isContext(paramType), eventTypes.isEvent(paramType));
        if (notResource.isPresent()) {
          reporter.error(method, notResource.get());
          continue;
        }
        var resolved = providers.resolve(param, paramType, owner, message -> reporter.error(method, message));
        if (resolved != null) {
          params.add(resolved);
        }
      }
      providers.models.add(new ProviderModel(i, provider.name(), TypeName.get(provider.type()),
          TypeLabels.of(provider.type()), provider.qualifier(), provider.cached() ? slot++ : -1, params, method));
    }
    CYCLES.report(providers.models(), reporter); // config files a provider takes come after the methods
    return providers;
  }

  private static String describe(Declared provider) {
    return provider.name() + "(): " + TypeLabels.of(provider.type())
        + (provider.qualifier().isEmpty() ? "" : " \"" + provider.qualifier() + "\"");
  }
}
