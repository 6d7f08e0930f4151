namespace AssistantBuilder.Engine.Templates;

/// <summary>
/// Splits a template into data and tag tokens, applying jinja2's whitespace control:
/// <c>{%-</c>/<c>-%}</c> stripping, <c>trim_blocks</c> and <c>lstrip_blocks</c>. Comments are dropped.
/// </summary>
internal sealed class TemplateLexer
{
    private readonly SourceText _source;
    private readonly string _templateName;
    private readonly TemplateOptions _options;
    private readonly List<Token> _tokens = [];
    private int _pos;
    private bool _stripLeadingWhitespace;
    private bool _trimLeadingNewline;

    private TemplateLexer(SourceText source, string templateName, TemplateOptions options)
    {
        _source = source;
        _templateName = templateName;
        _options = options;
    }

    public static List<Token> Tokenize(SourceText source, string templateName, TemplateOptions options)
    {
        var lexer = new TemplateLexer(source, templateName, options);
        lexer.Run();
        return lexer._tokens;
    }

    private void Run()
    {
        while (TagOpening.Find(_source, _pos) is { } tag)
        {
            EmitData(tag.Start, tag);
            _pos = tag.Kind == TagKind.Comment ? SkipComment(tag) : ScanTag(tag);
        }

        EmitData(_source.Length, null);
        var (line, column) = _source.Locate(_source.Length);
        _tokens.Add(new Token(TokenKind.EndOfTemplate, string.Empty, line, column));
    }

    private void EmitData(int end, TagOpening? next)
    {
        var start = _pos;
        var text = _source.Text[start..end];
        if (_stripLeadingWhitespace)
        {
            var trimmed = text.TrimStart();
            start += text.Length - trimmed.Length;
            text = trimmed;
        }
        else if (_trimLeadingNewline && text.StartsWith('\n'))
        {
            start++;
            text = text[1..];
        }

        text = StripBeforeTag(text, start, next);
        if (text.Length > 0)
        {
            var (line, column) = _source.Locate(start);
            _tokens.Add(new Token(TokenKind.Data, text, line, column, text));
        }
    }

    private string StripBeforeTag(string text, int start, TagOpening? next)
    {
        if (next is null)
        {
            return text;
        }

        if (next.StripsBefore)
        {
            return text.TrimEnd();
        }

        var lstrip = _options.LstripBlocks && next.Kind != TagKind.Variable && next.Modifier != '+';
        return lstrip ? StripIndentation(text, start) : text;
    }

    /// <summary><c>lstrip_blocks</c>: drop the spaces and tabs between a line start and the tag.</summary>
    private string StripIndentation(string text, int start)
    {
        var lineBreak = text.LastIndexOf('\n');
        var indentStart = lineBreak + 1;
        var startsLine = lineBreak >= 0 || _source.IsLineStart(start);
        var onlyIndent = text.AsSpan(indentStart).IndexOfAnyExcept(' ', '\t') < 0;
        return startsLine && onlyIndent ? text[..indentStart] : text;
    }

    private int ScanTag(TagOpening tag)
    {
        var (line, column) = _source.Locate(tag.Start);
        var kind = tag.Kind == TagKind.Variable ? TokenKind.VariableBegin : TokenKind.BlockBegin;
        _tokens.Add(new Token(kind, tag.Kind == TagKind.Variable ? "{{" : "{%", line, column));
        var scanner = new ExpressionScanner(_source, _templateName, _tokens, tag.ContentStart);
        var (end, modifier) = scanner.ScanToEnd(tag.Kind);
        AfterTag(tag.Kind, modifier);
        return end;
    }

    private int SkipComment(TagOpening tag)
    {
        var close = _source.Text.IndexOf("#}", tag.ContentStart, StringComparison.Ordinal);
        if (close < 0)
        {
            var (line, column) = _source.Locate(tag.Start);
            throw new TemplateSyntaxException(_templateName, line, column, "missing end of comment tag '#}'");
        }

        var modifier = close > tag.ContentStart && _source[close - 1] == '-' ? '-' : '\0';
        AfterTag(TagKind.Comment, modifier);
        return close + 2;
    }

    private void AfterTag(TagKind kind, char modifier)
    {
        _stripLeadingWhitespace = modifier == '-';
        _trimLeadingNewline = _options.TrimBlocks && kind != TagKind.Variable && modifier != '+';
    }
}
