namespace AssistantBuilder.Engine.Templates;

/// <summary>One lexical token. <see cref="Value"/> holds the decoded string, long or double of a literal.</summary>
internal sealed record Token(TokenKind Kind, string Text, int Line, int Column, object? Value = null)
{
    public bool IsName(string name) => Kind == TokenKind.Name && Text == name;

    public bool IsOperator(string op) => Kind == TokenKind.Operator && Text == op;

    /// <summary>How jinja2 names the token in error messages.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.VariableEnd => "end of print statement",
        TokenKind.BlockEnd => "end of statement block",
        TokenKind.EndOfTemplate => "end of template",
        TokenKind.Data => "template data",
        _ => Text,
    };
}
