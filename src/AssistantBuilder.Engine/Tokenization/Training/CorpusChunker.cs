using System.Text;

namespace AssistantBuilder.Engine.Tokenization.Training;

/// <summary>
/// Reads a text file in pieces of about <c>chunkChars</c> characters (1M by default), cut only right after a '\n' that is
/// followed by a character that is not white space. No match of <see cref="BpeTrainerOptions.SplitPattern"/>
/// spans such a point (a match holding a newline ends with it, or at the end of the white-space run it is in) and
/// the pattern looks back at nothing, so pre-tokenizing the pieces one by one gives the same words as the whole
/// file at once, while "\n\n" and "\n  " runs stay whole (HF's trainer, fed line by line, never sees them).
/// Lines end with '\n'; a last line without one counts too.
/// </summary>
internal sealed class CorpusChunker(long? maxLines, int chunkChars = 1 << 20, int blockChars = 1 << 16)
{
    /// <summary>Lines read so far, over every file.</summary>
    public long Lines { get; private set; }

    public bool LineLimitReached => Lines >= maxLines;

    public IEnumerable<string> Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"corpus file not found: {path}", path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var pending = new StringBuilder();
        var block = new char[blockChars];
        bool partialLine = false; // the text read so far ends inside a line
        int searched = 1;         // pending[..searched] holds no cut point
        while (!LineLimitReached)
        {
            int read = reader.Read(block, 0, block.Length);
            if (read == 0)
                break;
            int keep = read;
            for (int i = 0; i < read; i++)
            {
                if (block[i] != '\n')
                    continue;
                Lines++;
                if (LineLimitReached)
                {
                    keep = i + 1;
                    break;
                }
            }
            pending.Append(block, 0, keep);
            partialLine = pending.Length > 0 && pending[^1] != '\n';
            if (pending.Length >= chunkChars + searched && TakeChunk(pending, ref searched) is string chunk)
                yield return chunk;
        }
        if (partialLine && !LineLimitReached)
            Lines++;
        if (pending.Length > 0)
            yield return pending.ToString();
    }

    // The text up to the last safe cut point, removed from pending; null when there is none yet.
    private static string? TakeChunk(StringBuilder pending, ref int searched)
    {
        for (int i = pending.Length - 1; i >= searched; i--)
        {
            if (pending[i - 1] == '\n' && !char.IsWhiteSpace(pending[i]))
            {
                string chunk = pending.ToString(0, i);
                pending.Remove(0, i);
                searched = 1;
                return chunk;
            }
        }
        searched = pending.Length; // the last char may become a cut point once the next one is read
        return null;
    }
}
