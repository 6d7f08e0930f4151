namespace AssistantBuilder.Engine.Templates;

/// <summary>
/// Builds the statement tree from the token stream. Each tag has its own parse method, found through
/// <see cref="_tags"/>; bodies are parsed until one of the tags that may close them.
/// </summary>
internal sealed partial class TemplateParser
{
    private readonly TokenStream _stream;
    private readonly ExpressionParser _expressions;
    private readonly Dictionary<string, Func<Token, Statement>> _tags;
    private readonly Stack<(string Block, string[] EndTags)> _openBlocks = new();

    private TemplateParser(IReadOnlyList<Token> tokens, string templateName)
    {
        _stream = new TokenStream(tokens, templateName);
        _expressions = new ExpressionParser(_stream);
        _tags = new Dictionary<string, Func<Token, Statement>>(StringComparer.Ordinal)
        {
            ["if"] = ParseIf,
            ["for"] = ParseFor,
            ["set"] = ParseSet,
            ["macro"] = ParseMacro,
            ["call"] = ParseCallBlock,
            ["break"] = token => ParseLoopControl(token, Flow.Break),
            ["continue"] = token => ParseLoopControl(token, Flow.Continue),
            ["generation"] = ParseGeneration,
        };
    }

    public static StatementList Parse(IReadOnlyList<Token> tokens, string templateName) =>
        new TemplateParser(tokens, templateName).ParseBlock(string.Empty).Body;

    /// <summary>Parses statements until one of <paramref name="endTags"/>; returns the body and the tag that ended it.</summary>
    private (StatementList Body, string EndTag) ParseBlock(string block, params string[] endTags)
    {
        _openBlocks.Push((block, endTags));
        var statements = new List<Statement>();
        while (true)
        {
            var token = _stream.Current;
            switch (token.Kind)
            {
                case TokenKind.Data:
                    statements.Add(new TextStatement(token.Line, (string)_stream.Next().Value!));
                    break;
                case TokenKind.VariableBegin:
                    statements.Add(ParseOutput());
                    break;
                case TokenKind.BlockBegin when _stream.Peek.Kind == TokenKind.Name && endTags.Contains(_stream.Peek.Text):
                    _stream.Next();
                    _openBlocks.Pop();
                    return (new StatementList(statements), _stream.Next().Text);
                case TokenKind.BlockBegin:
                    _stream.Next();
                    statements.Add(ParseTag());
                    break;
                default:
                    return EndOfTemplate(statements, endTags);
            }
        }
    }

    private (StatementList Body, string EndTag) EndOfTemplate(List<Statement> statements, string[] endTags)
    {
        if (endTags.Length > 0)
        {
            throw _stream.Error("Unexpected end of template." + LookingFor());
        }

        _openBlocks.Pop();
        return (new StatementList(statements), string.Empty);
    }

    private OutputStatement ParseOutput()
    {
        var line = _stream.Next().Line;
        var expression = _expressions.ParseTuple();
        _stream.Expect(TokenKind.VariableEnd, "end of print statement");
        return new OutputStatement(line, expression);
    }

    private Statement ParseTag()
    {
        var token = _stream.Current;
        if (token.Kind != TokenKind.Name)
        {
            throw _stream.Error("tag name expected");
        }

        if (!_tags.TryGetValue(token.Text, out var parse))
        {
            throw _stream.Error($"Encountered unknown tag '{token.Text}'." + LookingFor());
        }

        _stream.Next();
        return parse(token);
    }

    /// <summary>jinja2's hint about which tags would have closed the innermost open block.</summary>
    private string LookingFor()
    {
        if (!_openBlocks.TryPeek(out var innermost) || innermost.EndTags.Length == 0)
        {
            return string.Empty;
        }

        var expected = string.Join(" or ", innermost.EndTags.Select(tag => $"'{tag}'"));
        return $" Jinja was looking for the following tags: {expected}. The innermost block that needs to be closed is '{innermost.Block}'.";
    }
}
