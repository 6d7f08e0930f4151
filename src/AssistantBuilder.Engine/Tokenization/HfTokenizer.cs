using System.Text;

namespace AssistantBuilder.Engine.Tokenization;

/// <summary>
/// A Hugging Face <c>tokenizer.json</c> (BPE model) that encodes and decodes exactly as HF <c>tokenizers</c> does,
/// for the byte-level BPE family (GPT-2, SmolLM2, Qwen2/2.5, Llama 3) and the SentencePiece-style BPE family with
/// byte fallback (Llama 2, TinyLlama, Mistral). Thread-safe once built.
/// Encoding follows HF's pipeline: split on added tokens, normalize, pre-tokenize, BPE, post-process.
/// </summary>
public sealed class HfTokenizer
{
    private readonly TokenizerParts _parts;

    private HfTokenizer(TokenizerParts parts)
    {
        _parts = parts;
        SpecialTokenIds = parts.AddedTokens.Tokens.Where(t => t.Special).Select(t => t.Id).Order().ToArray();
        int maxAdded = parts.AddedTokens.Tokens.Select(t => t.Id).DefaultIfEmpty(-1).Max();
        VocabSize = Math.Max(parts.Model.MaxId, maxAdded) + 1;
    }

    /// <summary>Reads a tokenizer.json file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not valid JSON or not a valid tokenizer.</exception>
    /// <exception cref="NotSupportedException">The file uses a model or component this loader does not implement.</exception>
    public static HfTokenizer FromFile(string tokenizerJsonPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenizerJsonPath);
        if (!File.Exists(tokenizerJsonPath))
            throw new FileNotFoundException($"Tokenizer file not found: {tokenizerJsonPath}", tokenizerJsonPath);
        return FromJson(File.ReadAllText(tokenizerJsonPath, Encoding.UTF8), tokenizerJsonPath);
    }

    /// <summary>Reads tokenizer.json content; <paramref name="sourceName"/> is used in error messages.</summary>
    public static HfTokenizer FromJson(string json, string sourceName = "tokenizer.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        return new HfTokenizer(TokenizerJsonReader.Read(json, new LoadContext(sourceName)));
    }

    /// <summary>Largest id in the model vocabulary or the added tokens, plus one.</summary>
    public int VocabSize { get; }

    /// <summary>Ids of the added tokens marked <c>"special": true</c>, ascending.</summary>
    public IReadOnlyList<int> SpecialTokenIds { get; }

    /// <summary>Encodes text; <paramref name="addSpecialTokens"/> applies the post-processor (e.g. Llama's BOS).</summary>
    public IReadOnlyList<int> Encode(string text, bool addSpecialTokens = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>();
        foreach (TextSplit split in _parts.AddedTokens.ExtractAndNormalize(ReplaceLoneSurrogates(text)))
        {
            if (split.TokenId is int id)
                ids.Add(id);
            else
                EncodeText(split, ids);
        }
        return addSpecialTokens && _parts.PostProcessor is not null ? _parts.PostProcessor.Process(ids) : ids;
    }

    private void EncodeText(TextSplit split, List<int> ids)
    {
        if (_parts.PreTokenizer is null)
        {
            _parts.Model.Tokenize(split.Text, ids);
            return;
        }
        var preTokens = new List<PreToken>();
        _parts.PreTokenizer.PreTokenize(new PreToken(split.Text, split.AtStart), preTokens);
        foreach (PreToken preToken in preTokens)
            _parts.Model.Tokenize(preToken.Text, ids);
    }

    /// <summary>
    /// Decodes ids as HF does: ids to token strings (unknown ids are skipped; special added tokens too when
    /// <paramref name="skipSpecialTokens"/>), then the decoder; without a decoder, tokens are joined by spaces.
    /// </summary>
    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = true)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var tokens = new List<string>();
        foreach (int id in ids)
        {
            if (skipSpecialTokens && IsSpecial(id))
                continue;
            if (IdToToken(id) is string token)
                tokens.Add(token);
        }
        return _parts.Decoder is null ? string.Join(' ', tokens) : string.Concat(_parts.Decoder.DecodeChain(tokens));
    }

    /// <summary>The id of a token string: added tokens first, then the model vocabulary.</summary>
    public int? TokenToId(string token) => _parts.AddedTokens.ByContent(token)?.Id ?? _parts.Model.TokenToId(token);

    /// <summary>The token string of an id: added tokens first, then the model vocabulary.</summary>
    public string? IdToToken(int id) => _parts.AddedTokens.ById(id)?.Content ?? _parts.Model.IdToToken(id);

    /// <summary>Whether <paramref name="id"/> is an added token with <c>"special": true</c>.</summary>
    public bool IsSpecial(int id) => _parts.AddedTokens.ById(id)?.Special == true;

    /// <summary>A decoder for ids arriving one by one during generation.</summary>
    public StreamingDecoder CreateStreamingDecoder(bool skipSpecialTokens = true) => new(this, skipSpecialTokens);

    // HF takes Rust strings, which cannot hold lone surrogates; UTF-8 encoding would turn them into U+FFFD.
    internal static string ReplaceLoneSurrogates(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i]))
                continue;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
        }
        return text;
    }
}
