using System.Text;

namespace AssistantBuilder.Engine.Tokenization;

/// <summary>
/// HF's ByteLevel decoder: all tokens back to bytes through the GPT-2 alphabet, then one lossy UTF-8 decode
/// (invalid or incomplete sequences become U+FFFD, as Rust's <c>from_utf8_lossy</c>).
/// </summary>
internal sealed class ByteLevelDecoder : IDecoder
{
    public List<string> DecodeChain(List<string> tokens)
    {
        var bytes = new List<byte>(tokens.Count * 4);
        foreach (string token in tokens)
            ByteLevelAlphabet.AppendBytes(token, bytes);
        return [Encoding.UTF8.GetString(bytes.ToArray())];
    }
}
