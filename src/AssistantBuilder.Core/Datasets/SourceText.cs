using System.Text;

namespace AssistantBuilder.Core.Datasets;

/// <summary>
/// A decoded dataset file: its lines (line breaks normalized to <c>\n</c>), the text they make, and where the
/// bytes were not valid UTF-8 (those lines hold U+FFFD instead, and the records on them are rejected).
/// </summary>
internal sealed class SourceText
{
    private readonly IReadOnlyDictionary<int, int> _badUtf8;
    private byte[]? _utf8;
    private int[]? _lineStartOffsets;

    public SourceText(string fileName, IReadOnlyList<string> lines, IReadOnlyDictionary<int, int> badUtf8)
    {
        FileName = fileName;
        Lines = lines;
        Text = string.Join('\n', lines);
        _badUtf8 = badUtf8;
    }

    /// <summary>The file name used in messages.</summary>
    public string FileName { get; }

    /// <summary>The lines, without line breaks; <c>Lines[0]</c> is line 1.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The lines joined with <c>\n</c>.</summary>
    public string Text { get; }

    /// <summary><see cref="Text"/> as UTF-8, for the JSON reader.</summary>
    public byte[] Utf8 => _utf8 ??= Encoding.UTF8.GetBytes(Text);

    /// <summary>The non-UTF-8 error for a record on lines <paramref name="first"/>..<paramref name="last"/>, or null.</summary>
    public string? Utf8ErrorIn(int first, int last)
    {
        if (_badUtf8.Count == 0)
        {
            return null;
        }

        for (int line = first; line <= last; line++)
        {
            if (_badUtf8.TryGetValue(line, out int column))
            {
                return $"invalid UTF-8 bytes on line {line} at byte {column}";
            }
        }

        return null;
    }

    /// <summary>The 1-based line that holds byte <paramref name="offset"/> of <see cref="Utf8"/>.</summary>
    public int LineAt(long offset)
    {
        _lineStartOffsets ??= LineStartOffsets(Utf8);
        int index = Array.BinarySearch(_lineStartOffsets, (int)offset);
        return index >= 0 ? index + 1 : ~index;
    }

    private static int[] LineStartOffsets(byte[] utf8)
    {
        var starts = new List<int> { 0 };
        for (int i = utf8.AsSpan().IndexOf((byte)'\n'); i >= 0; i = NextNewline(utf8, i + 1))
        {
            starts.Add(i + 1);
        }

        return [.. starts];
    }

    private static int NextNewline(byte[] utf8, int from)
    {
        int next = utf8.AsSpan(from).IndexOf((byte)'\n');
        return next < 0 ? -1 : from + next;
    }
}
