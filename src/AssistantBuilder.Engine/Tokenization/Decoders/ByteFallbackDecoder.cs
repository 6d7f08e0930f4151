using System.Text;

namespace AssistantBuilder.Engine.Tokenization;

/// <summary>
/// HF's ByteFallback decoder: runs of <c>&lt;0xNN&gt;</c> tokens become the text of their bytes; a run that is
/// not valid UTF-8 becomes one U+FFFD per byte.
/// </summary>
internal sealed class ByteFallbackDecoder : IDecoder
{
    private static readonly UTF8Encoding Strict = new(false, true);

    public List<string> DecodeChain(List<string> tokens)
    {
        var result = new List<string>(tokens.Count);
        var pending = new List<byte>();
        foreach (string token in tokens)
        {
            if (TryParseByte(token, out byte b))
            {
                pending.Add(b);
                continue;
            }
            Flush(pending, result);
            result.Add(token);
        }
        Flush(pending, result);
        return result;
    }

    public static bool TryParseByte(string token, out byte value)
    {
        value = 0;
        return token.Length == 6 && token.StartsWith("<0x", StringComparison.Ordinal) && token[5] == '>' &&
               byte.TryParse(token.AsSpan(3, 2), System.Globalization.NumberStyles.HexNumber, null, out value);
    }

    private static void Flush(List<byte> pending, List<string> result)
    {
        if (pending.Count == 0)
            return;
        try
        {
            result.Add(Strict.GetString(pending.ToArray()));
        }
        catch (DecoderFallbackException)
        {
            result.AddRange(Enumerable.Repeat("\uFFFD", pending.Count));
        }
        pending.Clear();
    }
}
