using System.Linq.Expressions;
using FastExpressionCompiler;
using NRules.Extensibility;

namespace DeliverabilityBot.Rules.Engine;

/// <summary>
/// NRules' expression compiler extension point backed by FastExpressionCompiler: compiling the engine's condition
/// and action expressions is most of the engine's start-up cost, and FEC does it several times faster than
/// <c>Expression.Compile</c>. Falls back to the built-in compiler for any expression FEC does not support.
/// </summary>
internal sealed class FastExpressionCompilerAdapter : IExpressionCompiler
{
    /// <inheritdoc />
    public TDelegate Compile<TDelegate>(Expression<TDelegate> expression) where TDelegate : Delegate =>
        expression.TryCompile<TDelegate>() ?? expression.Compile();
}
