namespace AssistantBuilder.Engine.Templates;

/// <summary>A cursor over the lexer's tokens, with the expect/skip helpers the parsers need.</summary>
internal sealed class TokenStream(IReadOnlyList<Token> tokens, string templateName)
{
    private int _index;

    public Token Current => tokens[_index];

    public Token Peek => tokens[Math.Min(_index + 1, tokens.Count - 1)];

    public Token Next()
    {
        var token = Current;
        _index = Math.Min(_index + 1, tokens.Count - 1);
        return token;
    }

    public bool SkipOperator(string op) => Skip(Current.IsOperator(op));

    public bool SkipName(string name) => Skip(Current.IsName(name));

    public Token Expect(TokenKind kind, string description)
    {
        return Current.Kind == kind ? Next() : throw Error($"expected token '{description}', got '{Current.Describe()}'");
    }

    public Token ExpectOperator(string op) => Current.IsOperator(op) ? Next() : throw Error($"expected token '{op}', got '{Current.Describe()}'");

    public Token ExpectName(string? name = null)
    {
        var matches = Current.Kind == TokenKind.Name && (name is null || Current.Text == name);
        return matches ? Next() : throw Error($"expected token '{name ?? "name"}', got '{Current.Describe()}'");
    }

    public void ExpectBlockEnd() => Expect(TokenKind.BlockEnd, "end of statement block");

    public TemplateSyntaxException Error(string reason, Token? at = null)
    {
        var token = at ?? Current;
        return new TemplateSyntaxException(templateName, token.Line, token.Column, reason);
    }

    private bool Skip(bool matches)
    {
        if (matches)
        {
            Next();
        }

        return matches;
    }
}
