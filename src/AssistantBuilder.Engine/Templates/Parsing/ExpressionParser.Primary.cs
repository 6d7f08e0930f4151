namespace AssistantBuilder.Engine.Templates;

/// <summary>Literals, names, and what may follow an operand: attributes, subscripts, calls, filters and tests.</summary>
internal sealed partial class ExpressionParser
{
    private static readonly Dictionary<string, object?> NamedConstants = new(StringComparer.Ordinal)
    {
        ["true"] = true, ["True"] = true, ["false"] = false, ["False"] = false, ["none"] = null, ["None"] = null,
    };

    private static readonly TokenKind[] TestArgumentStarts = [TokenKind.Name, TokenKind.String, TokenKind.Integer, TokenKind.Float];

    public ArgumentList ParseCallArguments()
    {
        stream.ExpectOperator("(");
        var positional = new List<Expression>();
        var named = new List<(string, Expression)>();
        while (!stream.SkipOperator(")"))
        {
            if (positional.Count + named.Count > 0)
            {
                stream.ExpectOperator(",");
                if (stream.SkipOperator(")"))
                {
                    break;
                }
            }

            if (stream.Current.Kind == TokenKind.Name && stream.Peek.IsOperator("="))
            {
                var name = stream.Next().Text;
                stream.Next();
                named.Add((name, Parse()));
            }
            else if (named.Count > 0)
            {
                throw stream.Error("invalid syntax for function call expression");
            }
            else
            {
                positional.Add(Parse());
            }
        }

        return new ArgumentList(positional, named);
    }

    private Expression ParsePrimary()
    {
        var token = stream.Current;
        return token.Kind switch
        {
            TokenKind.Name => ParseName(),
            TokenKind.String => ParseStrings(),
            TokenKind.Integer or TokenKind.Float => new ConstantExpression(stream.Next().Line, token.Value),
            TokenKind.Operator when token.Text == "(" => ParseParenthesized(),
            TokenKind.Operator when token.Text == "[" => ParseList(),
            TokenKind.Operator when token.Text == "{" => ParseDict(),
            _ => throw stream.Error($"unexpected '{token.Describe()}'"),
        };
    }

    private Expression ParseName()
    {
        var token = stream.Next();
        return NamedConstants.TryGetValue(token.Text, out var value)
            ? new ConstantExpression(token.Line, value)
            : new NameExpression(token.Line, token.Text);
    }

    /// <summary>Adjacent string literals concatenate, as in Python.</summary>
    private ConstantExpression ParseStrings()
    {
        var line = stream.Current.Line;
        var text = string.Empty;
        while (stream.Current.Kind == TokenKind.String)
        {
            text += (string)stream.Next().Value!;
        }

        return new ConstantExpression(line, text);
    }

    private Expression ParseParenthesized()
    {
        stream.Next();
        var expression = ParseTuple(explicitParentheses: true);
        stream.ExpectOperator(")");
        return expression;
    }

    private ListExpression ParseList()
    {
        var line = stream.Next().Line;
        var items = new List<Expression>();
        while (!stream.SkipOperator("]"))
        {
            if (items.Count > 0)
            {
                stream.ExpectOperator(",");
                if (stream.SkipOperator("]"))
                {
                    break;
                }
            }

            items.Add(Parse());
        }

        return new ListExpression(line, items);
    }

    private DictExpression ParseDict()
    {
        var line = stream.Next().Line;
        var entries = new List<(Expression, Expression)>();
        while (!stream.SkipOperator("}"))
        {
            if (entries.Count > 0)
            {
                stream.ExpectOperator(",");
                if (stream.SkipOperator("}"))
                {
                    break;
                }
            }

            var key = Parse();
            stream.ExpectOperator(":");
            entries.Add((key, Parse()));
        }

        return new DictExpression(line, entries);
    }

    private Expression ParsePostfix(Expression expression)
    {
        while (true)
        {
            var token = stream.Current;
            if (token.IsOperator("."))
            {
                expression = ParseDot(expression);
            }
            else if (token.IsOperator("["))
            {
                expression = ParseSubscript(expression);
            }
            else if (token.IsOperator("("))
            {
                expression = new CallExpression(token.Line, expression, ParseCallArguments());
            }
            else
            {
                return expression;
            }
        }
    }

    private Expression ParseDot(Expression target)
    {
        var line = stream.Next().Line;
        var token = stream.Next();
        return token.Kind switch
        {
            TokenKind.Name => new AttributeExpression(line, target, token.Text),
            TokenKind.Integer => new ItemExpression(line, target, new ConstantExpression(line, token.Value)),
            _ => throw stream.Error("expected name or number", token),
        };
    }

    private ItemExpression ParseSubscript(Expression target)
    {
        var line = stream.Next().Line;
        var key = ParseSubscriptKey();
        stream.ExpectOperator("]");
        return new ItemExpression(line, target, key);
    }

    private Expression ParseSubscriptKey()
    {
        var line = stream.Current.Line;
        var start = stream.Current.IsOperator(":") ? null : Parse();
        if (!stream.SkipOperator(":"))
        {
            return start!;
        }

        var stop = IsSliceBoundEnd() ? null : Parse();
        var step = stream.SkipOperator(":") && !IsSliceBoundEnd() ? Parse() : null;
        return new SliceExpression(line, start, stop, step);
    }

    private bool IsSliceBoundEnd() => stream.Current.IsOperator("]") || stream.Current.IsOperator(":");

    private Expression ParseFiltersAndTests(Expression expression)
    {
        while (true)
        {
            var token = stream.Current;
            if (token.IsOperator("|"))
            {
                expression = ParseFilter(expression);
            }
            else if (token.IsName("is"))
            {
                expression = ParseTest(expression);
            }
            else if (token.IsOperator("("))
            {
                expression = new CallExpression(token.Line, expression, ParseCallArguments());
            }
            else
            {
                return expression;
            }
        }
    }

    private FilterExpression ParseFilter(Expression operand)
    {
        stream.Next();
        var nameToken = stream.ExpectName();
        var filter = Builtins.Filters.GetValueOrDefault(nameToken.Text)
            ?? throw stream.Error($"No filter named '{nameToken.Text}'.", nameToken);
        var arguments = stream.Current.IsOperator("(") ? ParseCallArguments() : ArgumentList.None;
        return new FilterExpression(nameToken.Line, operand, filter, arguments);
    }

    private TestExpression ParseTest(Expression operand)
    {
        stream.Next();
        var negated = stream.SkipName("not");
        var nameToken = stream.ExpectName();
        var test = Builtins.Tests.GetValueOrDefault(nameToken.Text)
            ?? throw stream.Error($"No test named '{nameToken.Text}'.", nameToken);
        return new TestExpression(nameToken.Line, operand, test, ParseTestArguments(), negated);
    }

    /// <summary>A test takes call arguments, or one bare operand: <c>x is divisibleby 3</c>.</summary>
    private ArgumentList ParseTestArguments()
    {
        var token = stream.Current;
        if (token.IsOperator("("))
        {
            return ParseCallArguments();
        }

        var startsOperand = TestArgumentStarts.Contains(token.Kind) || token.IsOperator("[") || token.IsOperator("{");
        if (!startsOperand || token.IsName("else") || token.IsName("or") || token.IsName("and"))
        {
            return ArgumentList.None;
        }

        if (token.IsName("is"))
        {
            throw stream.Error("You cannot chain multiple tests with is");
        }

        return new ArgumentList([ParsePostfix(ParsePrimary())], []);
    }
}
