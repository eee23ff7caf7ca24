package io.stepwise.processor;

import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import java.util.List;

/**
 * Where a local variable used in a method body is declared, found by walking the tree outward
 * from the use through the blocks, loops, lambdas, catch clauses and try resources around it, as
 * javac's scopes would, but without javac's attribution (see {@link SourceNames}).
 */
final class LocalDeclarations {
  private LocalDeclarations() {}

  /**
   * The declaration of {@code name} in scope at {@code use}, below {@code method} (whose own
   * parameters the caller knows better, with their types); null when there is none.
   *
   * @return the path of the declaration's {@link VariableTree}
   */
  static TreePath find(TreePath use, Tree method, String name) {
    Tree child = use.getLeaf();
    for (TreePath path = use.getParentPath(); path != null && path.getLeaf() != method;
        child = path.getLeaf(), path = path.getParentPath()) {
      VariableTree local = declaredIn(path.getLeaf(), child, name);
      if (local != null) {
        return new TreePath(path, local);
      }
    }
    return null;
  }

  /** A pattern variable ({@code x instanceof Foo f}) named {@code name} anywhere in the method. */
  static VariableTree binding(Tree method, String name) {
    var found = new VariableTree[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitBindingPattern(BindingPatternTree pattern, Void unused) {
        if (pattern.getVariable().getName().contentEquals(name)) {
          found[0] = pattern.getVariable();
        }
        return super.visitBindingPattern(pattern, unused);
      }
    }.scan(method, null);
    return found[0];
  }

  /** A variable named {@code name} that {@code scope} declares before {@code child}, if any. */
  private static VariableTree declaredIn(Tree scope, Tree child, String name) {
    return switch (scope) {
      case BlockTree block -> {
        VariableTree last = null;
        for (Tree statement : block.getStatements()) {
          if (statement == child) {
            break;
          }
          if (named(statement, name)) {
            last = (VariableTree) statement;
          }
        }
        yield last;
      }
      case ForLoopTree loop -> first(loop.getInitializer(), name);
      case EnhancedForLoopTree each -> named(each.getVariable(), name) ? each.getVariable() : null;
      case LambdaExpressionTree lambda -> first(lambda.getParameters(), name);
      case CatchTree caught -> named(caught.getParameter(), name) ? caught.getParameter() : null;
      case TryTree attempt -> first(attempt.getResources(), name);
      case MethodTree nested -> first(nested.getParameters(), name); // a method of a local or anonymous class
      default -> null;
    };
  }

  private static VariableTree first(List<? extends Tree> trees, String name) {
    return trees.stream().filter(t -> named(t, name)).map(VariableTree.class::cast).findFirst().orElse(null);
  }

  private static boolean named(Tree tree, String name) {
    return tree instanceof VariableTree variable && variable.getName().contentEquals(name);
  }
}
