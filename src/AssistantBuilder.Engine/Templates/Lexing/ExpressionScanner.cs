using System.Globalization;

namespace AssistantBuilder.Engine.Templates;

/// <summary>Splits the inside of a <c>{{ ... }}</c> or <c>{% ... %}</c> tag into name, literal and operator tokens.</summary>
internal sealed class ExpressionScanner
{
    private static readonly string[] Operators =
    [
        "//", "**", "==", "!=", ">=", "<=",
        "+", "-", "/", "*", "%", "~", "[", "]", "(", ")", "{", "}", ">", "<", "=", ".", ":", "|", ",", ";",
    ];

    private readonly SourceText _source;
    private readonly string _templateName;
    private readonly List<Token> _tokens;
    private int _pos;
    private int _nesting;

    public ExpressionScanner(SourceText source, string templateName, List<Token> tokens, int start)
    {
        _source = source;
        _templateName = templateName;
        _tokens = tokens;
        _pos = start;
    }

    /// <summary>Scans tokens up to the tag's end; returns the offset after it and the end's modifier.</summary>
    public (int End, char Modifier) ScanToEnd(TagKind kind)
    {
        var closer = kind == TagKind.Variable ? "}}" : "%}";
        while (true)
        {
            SkipWhitespace();
            if (_pos >= _source.Length)
            {
                throw Error(_pos, $"unexpected end of template, expected '{closer}'");
            }

            if (_nesting == 0 && TryEnd(kind, closer) is { } end)
            {
                return end;
            }

            ScanToken();
        }
    }

    private (int End, char Modifier)? TryEnd(TagKind kind, string closer)
    {
        var modifier = _source[_pos] is '-' or '+' ? _source[_pos] : '\0';
        var closerAt = modifier == '\0' ? _pos : _pos + 1;
        if (!_source.StartsWith(closer, closerAt) || (modifier == '+' && kind == TagKind.Variable))
        {
            return null;
        }

        var (line, column) = _source.Locate(_pos);
        var endKind = kind == TagKind.Variable ? TokenKind.VariableEnd : TokenKind.BlockEnd;
        _tokens.Add(new Token(endKind, closer, line, column));
        return (closerAt + 2, modifier);
    }

    private void ScanToken()
    {
        var c = _source[_pos];
        if (char.IsAsciiDigit(c))
        {
            ScanNumber();
        }
        else if (char.IsLetter(c) || c == '_')
        {
            ScanName();
        }
        else if (c is '\'' or '"')
        {
            ScanString(c);
        }
        else
        {
            ScanOperator(c);
        }
    }

    private void ScanName()
    {
        var start = _pos;
        while (_pos < _source.Length && (char.IsLetterOrDigit(_source[_pos]) || _source[_pos] == '_'))
        {
            _pos++;
        }

        Add(TokenKind.Name, start, null);
    }

    private void ScanString(char quote)
    {
        var start = _pos++;
        while (_pos < _source.Length && _source[_pos] != quote)
        {
            _pos += _source[_pos] == '\\' ? 2 : 1;
        }

        if (_pos >= _source.Length)
        {
            throw Error(start, "unterminated string literal");
        }

        _pos++;
        Add(TokenKind.String, start, StringLiteral.Decode(_source.Text[(start + 1)..(_pos - 1)]));
    }

    private void ScanNumber()
    {
        var start = _pos;
        SkipDigits();
        var afterDot = start > 0 && _source[start - 1] == '.';
        var isFloat = !afterDot && TrySkipFraction();
        isFloat |= !afterDot && TrySkipExponent();
        var text = _source.Text[start.._pos].Replace("_", string.Empty, StringComparison.Ordinal);
        if (isFloat)
        {
            Add(TokenKind.Float, start, double.Parse(text, CultureInfo.InvariantCulture));
        }
        else
        {
            Add(TokenKind.Integer, start, long.Parse(text, CultureInfo.InvariantCulture));
        }
    }

    private bool TrySkipFraction()
    {
        if (_pos + 1 >= _source.Length || _source[_pos] != '.' || !char.IsAsciiDigit(_source[_pos + 1]))
        {
            return false;
        }

        _pos++;
        SkipDigits();
        return true;
    }

    private bool TrySkipExponent()
    {
        if (_pos >= _source.Length || _source[_pos] is not ('e' or 'E'))
        {
            return false;
        }

        var digitsAt = _pos + 1 < _source.Length && _source[_pos + 1] is '+' or '-' ? _pos + 2 : _pos + 1;
        if (digitsAt >= _source.Length || !char.IsAsciiDigit(_source[digitsAt]))
        {
            return false;
        }

        _pos = digitsAt;
        SkipDigits();
        return true;
    }

    private void SkipDigits()
    {
        while (_pos < _source.Length && (char.IsAsciiDigit(_source[_pos]) || (_source[_pos] == '_' && NextIsDigit())))
        {
            _pos++;
        }
    }

    private bool NextIsDigit() => _pos + 1 < _source.Length && char.IsAsciiDigit(_source[_pos + 1]);

    private void ScanOperator(char c)
    {
        var op = Array.Find(Operators, candidate => _source.StartsWith(candidate, _pos))
            ?? throw Error(_pos, $"unexpected character '{c}'");
        _nesting += op switch
        {
            "(" or "[" or "{" => 1,
            ")" or "]" or "}" => -1,
            _ => 0,
        };
        if (_nesting < 0)
        {
            throw Error(_pos, $"unexpected '{op}'");
        }

        var start = _pos;
        _pos += op.Length;
        Add(TokenKind.Operator, start, null);
    }

    private void SkipWhitespace()
    {
        while (_pos < _source.Length && char.IsWhiteSpace(_source[_pos]))
        {
            _pos++;
        }
    }

    private void Add(TokenKind kind, int start, object? value)
    {
        var (line, column) = _source.Locate(start);
        _tokens.Add(new Token(kind, _source.Text[start.._pos], line, column, value));
    }

    private TemplateSyntaxException Error(int offset, string reason)
    {
        var (line, column) = _source.Locate(offset);
        return new TemplateSyntaxException(_templateName, line, column, reason);
    }
}
