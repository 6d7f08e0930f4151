using System.Globalization;
using System.Text;
using AssistantBuilder.Engine.Tokenization;

namespace AssistantBuilder.Engine.Training;

/// <summary>Short, readable excerpts of where two texts or token sequences part ways, for error messages.</summary>
internal static class Divergence
{
    private const int Context = 30, TokenContext = 3;

    /// <summary>Where <paramref name="part"/> stops being a prefix of <paramref name="whole"/>.</summary>
    public static string Text(string part, string whole)
    {
        int at = CommonPrefixLength(part.AsSpan(), whole.AsSpan());
        int from = Math.Max(0, at - Context);
        return $"They diverge at character {at}: {Excerpt(part, from, at)} here, {Excerpt(whole, from, at)} in the whole conversation.";
    }

    /// <summary>Where <paramref name="part"/> stops being a prefix of <paramref name="whole"/>, as tokens.</summary>
    public static string Tokens(IReadOnlyList<int> part, IReadOnlyList<int> whole, HfTokenizer tokenizer)
    {
        int at = 0;
        while (at < part.Count && at < whole.Count && part[at] == whole[at])
            at++;
        int from = Math.Max(0, at - TokenContext);
        return $"They diverge at token {at}: {TokenList(part, from, at, tokenizer)} here, " +
               $"{TokenList(whole, from, at, tokenizer)} in the whole conversation.";
    }

    /// <summary>A quoted, escaped excerpt of <paramref name="text"/>, at most <paramref name="max"/> characters.</summary>
    public static string Quote(string text, int max = 2 * Context)
    {
        string shown = text.Length <= max ? Escape(text) : Escape(text[..max]) + "…";
        return $"\"{shown}\"";
    }

    private static int CommonPrefixLength(ReadOnlySpan<char> a, ReadOnlySpan<char> b) =>
        a.CommonPrefixLength(b);

    private static string Excerpt(string text, int from, int at)
    {
        int to = Math.Min(text.Length, at + Context);
        if (from >= text.Length)
            return "\"\" (the text ends)";
        string before = Escape(text[from..Math.Min(at, text.Length)]);
        string after = at < text.Length ? Escape(text[at..to]) : "";
        string ellipsisStart = from > 0 ? "…" : "", ellipsisEnd = to < text.Length ? "…" : at >= text.Length ? " (the text ends)" : "";
        return $"\"{ellipsisStart}{before}⟨{after}{ellipsisEnd}\"";
    }

    private static string TokenList(IReadOnlyList<int> ids, int from, int at, HfTokenizer tokenizer)
    {
        int to = Math.Min(ids.Count, at + TokenContext);
        var builder = new StringBuilder("[");
        for (int i = from; i < to; i++)
        {
            if (i > from)
                builder.Append(", ");
            if (i == at)
                builder.Append('⟨');
            builder.Append(CultureInfo.InvariantCulture, $"{Quote(tokenizer.IdToToken(ids[i]) ?? "?")} {ids[i]}");
        }
        if (at >= ids.Count)
            builder.Append(at > from ? ", ⟨end" : "⟨end");
        return builder.Append(']').ToString();
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                _ when char.IsControl(c) => builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => builder.Append(c),
            };
        }
        return builder.ToString();
    }
}
