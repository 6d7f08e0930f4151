namespace AssistantBuilder.Engine.Templates;

/// <summary>The template source with newlines normalised and a way to turn offsets into line/column.</summary>
internal sealed class SourceText
{
    private readonly List<int> _lineStarts = [0];

    public SourceText(string source, bool keepTrailingNewline)
    {
        var text = source.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (!keepTrailingNewline && text.EndsWith('\n'))
        {
            text = text[..^1];
        }

        Text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public string Text { get; }

    public int Length => Text.Length;

    public char this[int index] => Text[index];

    public (int Line, int Column) Locate(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _lineStarts[line] + 1);
    }

    public bool IsLineStart(int offset) => offset == 0 || Text[offset - 1] == '\n';

    public bool StartsWith(string value, int offset) => string.CompareOrdinal(Text, offset, value, 0, value.Length) == 0;
}
