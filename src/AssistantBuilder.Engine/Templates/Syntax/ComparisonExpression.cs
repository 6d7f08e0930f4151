namespace AssistantBuilder.Engine.Templates;

/// <summary>A (possibly chained) comparison: <c>a == b</c>, <c>a &lt; b &lt; c</c>, <c>a in b</c>, <c>a not in b</c>.</summary>
internal sealed class ComparisonExpression(int line, Expression first, IReadOnlyList<(string Op, Expression Operand)> rest) : Expression(line)
{
    private static readonly Dictionary<string, Func<object?, object?, bool>> Operators = new(StringComparer.Ordinal)
    {
        ["=="] = PyEquality.AreEqual,
        ["!="] = (a, b) => !PyEquality.AreEqual(a, b),
        ["<"] = (a, b) => PyOrdering.Compare(a, b, "<") < 0,
        ["<="] = (a, b) => PyOrdering.Compare(a, b, "<=") <= 0,
        [">"] = (a, b) => PyOrdering.Compare(a, b, ">") > 0,
        [">="] = (a, b) => PyOrdering.Compare(a, b, ">=") >= 0,
        ["in"] = (a, b) => PyIteration.Contains(b, a),
        ["not in"] = (a, b) => !PyIteration.Contains(b, a),
    };

    public static bool IsOperator(string op) => Operators.ContainsKey(op);

    public override object? Evaluate(RenderContext context)
    {
        var left = first.Evaluate(context);
        foreach (var (op, operand) in rest)
        {
            var right = operand.Evaluate(context);
            if (!Operators[op](left, right))
            {
                return false;
            }

            left = right;
        }

        return true;
    }
}
