using System.Text.Json;

namespace AssistantBuilder.Engine.Tokenization;

/// <summary>Parses a tokenizer.json document into <see cref="TokenizerParts"/>.</summary>
internal static class TokenizerJsonReader
{
    public static TokenizerParts Read(string json, LoadContext context)
    {
        using JsonDocument document = Parse(json, context);
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw context.Invalid($"the top level must be a JSON object, found {root.ValueKind}.");
        if (!root.TryGetProperty("model", out JsonElement model))
            throw context.Invalid("there is no 'model' section.");

        BpeModel bpe = BpeModelFactory.Create(model, context);
        INormalizer? normalizer = NormalizerFactory.Create(LoadContext.OptionalObject(root, "normalizer"), context);
        return new TokenizerParts(
            new AddedVocabulary(AddedTokenIds.Assign(ReadAddedTokens(root, context), bpe), normalizer),
            normalizer,
            PreTokenizerFactory.Create(LoadContext.OptionalObject(root, "pre_tokenizer"), context),
            bpe,
            PostProcessorFactory.Create(LoadContext.OptionalObject(root, "post_processor"), context),
            DecoderFactory.Create(LoadContext.OptionalObject(root, "decoder"), context));
    }

    private static JsonDocument Parse(string json, LoadContext context)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{context.SourceName}: invalid JSON: {ex.Message}", ex);
        }
    }

    private static List<AddedToken> ReadAddedTokens(JsonElement root, LoadContext context)
    {
        var tokens = new List<AddedToken>();
        if (LoadContext.OptionalObject(root, "added_tokens") is not JsonElement array)
            return tokens;
        if (array.ValueKind != JsonValueKind.Array)
            throw context.Invalid("'added_tokens' must be an array.");
        foreach (JsonElement entry in array.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object)
                throw context.Invalid("each entry of 'added_tokens' must be an object.");
            bool special = LoadContext.OptionalBool(entry, "special", false);
            tokens.Add(new AddedToken(
                context.RequiredInt(entry, "id", "an added token"),
                context.RequiredString(entry, "content", "an added token"),
                special,
                LoadContext.OptionalBool(entry, "single_word", false),
                LoadContext.OptionalBool(entry, "lstrip", false),
                LoadContext.OptionalBool(entry, "rstrip", false),
                LoadContext.OptionalBool(entry, "normalized", !special)));
        }
        return tokens;
    }
}
