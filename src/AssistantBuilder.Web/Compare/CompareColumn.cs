using AssistantBuilder.Core.Comparison;

namespace AssistantBuilder.Web.Compare;

/// <summary>One column of the side-by-side page: its blind label (A, B, C), the contestant, the text so far and the stats once done.</summary>
public sealed class CompareColumn(string label, string name, string kind)
{
    readonly System.Text.StringBuilder _text = new();

    public string Label { get; } = label;
    public string Name { get; } = name;
    public string Kind { get; } = kind;
    public string Text => _text.ToString();
    public AnswerStats? Stats { get; private set; }
    public string? Error { get; private set; }
    public bool Done { get; private set; }

    public void Append(string text) => _text.Append(text);

    public void Finish(AnswerStats? stats, string? error = null) => (Stats, Error, Done) = (stats, error, true);
}
