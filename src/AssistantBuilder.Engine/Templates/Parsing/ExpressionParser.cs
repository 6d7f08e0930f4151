namespace AssistantBuilder.Engine.Templates;

/// <summary>
/// Parses expressions with jinja2's precedence, loosest first: conditional, <c>or</c>, <c>and</c>, <c>not</c>,
/// comparisons, <c>+ -</c>, <c>~</c>, <c>* / // %</c>, <c>**</c>, unary, then postfix, filters and tests.
/// </summary>
internal sealed partial class ExpressionParser(TokenStream stream)
{
    private static readonly string[] AdditiveOperators = ["+", "-"];
    private static readonly string[] MultiplicativeOperators = ["*", "/", "//", "%"];

    public Expression Parse(bool withConditional = true) => withConditional ? ParseConditional() : ParseOr();

    /// <summary>Comma-separated expressions: one alone is itself, several make a tuple.</summary>
    public Expression ParseTuple(bool withConditional = true, bool explicitParentheses = false, params string[] extraEndNames)
    {
        var line = stream.Current.Line;
        var items = new List<Expression>();
        var isTuple = false;
        while (true)
        {
            if (items.Count > 0)
            {
                stream.ExpectOperator(",");
            }

            if (IsTupleEnd(extraEndNames))
            {
                break;
            }

            items.Add(Parse(withConditional));
            if (!stream.Current.IsOperator(","))
            {
                break;
            }

            isTuple = true;
        }

        if (!isTuple && items.Count == 1)
        {
            return items[0];
        }

        return items.Count > 0 || explicitParentheses
            ? new TupleExpression(line, items)
            : throw stream.Error($"Expected an expression, got '{stream.Current.Describe()}'");
    }

    private bool IsTupleEnd(string[] extraEndNames)
    {
        var token = stream.Current;
        return token.Kind is TokenKind.VariableEnd or TokenKind.BlockEnd
            || token.IsOperator(")")
            || (token.Kind == TokenKind.Name && extraEndNames.Contains(token.Text));
    }

    private Expression ParseConditional()
    {
        var expression = ParseOr();
        while (stream.Current.IsName("if"))
        {
            var line = stream.Next().Line;
            var condition = ParseOr();
            var otherwise = stream.SkipName("else") ? ParseConditional() : null;
            expression = new ConditionalExpression(line, condition, expression, otherwise);
        }

        return expression;
    }

    private Expression ParseOr() => ParseLogical("or", ParseAnd);

    private Expression ParseAnd() => ParseLogical("and", ParseNot);

    private Expression ParseLogical(string keyword, Func<Expression> operand)
    {
        var left = operand();
        while (stream.Current.IsName(keyword))
        {
            var line = stream.Next().Line;
            left = new LogicalExpression(line, keyword == "and", left, operand());
        }

        return left;
    }

    private Expression ParseNot()
    {
        if (!stream.Current.IsName("not"))
        {
            return ParseComparison();
        }

        var line = stream.Next().Line;
        return new NotExpression(line, ParseNot());
    }

    private Expression ParseComparison()
    {
        var line = stream.Current.Line;
        var first = ParseAdditive();
        var rest = new List<(string, Expression)>();
        while (NextComparisonOperator() is { } op)
        {
            rest.Add((op, ParseAdditive()));
        }

        return rest.Count == 0 ? first : new ComparisonExpression(line, first, rest);
    }

    private string? NextComparisonOperator()
    {
        var token = stream.Current;
        if (token.Kind == TokenKind.Operator && ComparisonExpression.IsOperator(token.Text))
        {
            return stream.Next().Text;
        }

        if (stream.SkipName("in"))
        {
            return "in";
        }

        if (token.IsName("not") && stream.Peek.IsName("in"))
        {
            stream.Next();
            stream.Next();
            return "not in";
        }

        return null;
    }

    private Expression ParseAdditive() => ParseBinary(AdditiveOperators, ParseConcat);

    private Expression ParseConcat() => ParseBinary(["~"], ParseMultiplicative);

    private Expression ParseMultiplicative() => ParseBinary(MultiplicativeOperators, ParsePower);

    private Expression ParsePower() => ParseBinary(["**"], () => ParseUnary());

    /// <summary>Left-associative binary operators (jinja2 makes even <c>**</c> left-associative).</summary>
    private Expression ParseBinary(string[] operators, Func<Expression> operand)
    {
        var left = operand();
        while (stream.Current.Kind == TokenKind.Operator && operators.Contains(stream.Current.Text))
        {
            var token = stream.Next();
            left = new BinaryExpression(token.Line, token.Text, left, operand());
        }

        return left;
    }

    private Expression ParseUnary(bool withFilters = true)
    {
        var token = stream.Current;
        Expression expression;
        if (token.IsOperator("-") || token.IsOperator("+"))
        {
            stream.Next();
            expression = new UnaryExpression(token.Line, token.Text, ParseUnary(withFilters: false));
        }
        else
        {
            expression = ParsePrimary();
        }

        expression = ParsePostfix(expression);
        return withFilters ? ParseFiltersAndTests(expression) : expression;
    }
}
