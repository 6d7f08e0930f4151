using System.Text.Json;

namespace AssistantBuilder.Engine.Tokenization;

/// <summary>Builds an <see cref="IPostProcessor"/> from tokenizer.json's <c>post_processor</c> object.</summary>
internal static class PostProcessorFactory
{
    public static IPostProcessor? Create(JsonElement? json, LoadContext context)
    {
        if (json is not JsonElement element)
            return null;
        string type = context.TypeOf(element, "post_processor");
        return type switch
        {
            "TemplateProcessing" => CreateTemplate(element, context),
            "ByteLevel" => new NoOpPostProcessor(),
            // HF's BertProcessing/RobertaProcessing on one sequence: [cls] $A [sep].
            "BertProcessing" or "RobertaProcessing" => new TemplatePostProcessor(
                [ReadIdPair(element, "cls", context), null, ReadIdPair(element, "sep", context)]),
            "Sequence" => new SequencePostProcessor(context.RequiredArray(element, "processors", "Sequence post_processor")
                .EnumerateArray().Select(p => Create(p, context)!).ToList()),
            _ => throw context.Unsupported("post_processor", type),
        };
    }

    private static TemplatePostProcessor CreateTemplate(JsonElement element, LoadContext context)
    {
        Dictionary<string, int[]> specials = ReadSpecialTokens(element, context);
        var pieces = new List<int[]?>();
        foreach (JsonElement piece in context.RequiredArray(element, "single", "TemplateProcessing").EnumerateArray())
        {
            string? special = TemplatePiece.SpecialTokenName(piece, context);
            if (special is null)
                pieces.Add(null);
            else if (specials.TryGetValue(special, out int[]? ids))
                pieces.Add(ids);
            else
                throw context.Invalid($"TemplateProcessing uses special token '{special}' missing from its special_tokens.");
        }
        return new TemplatePostProcessor(pieces);
    }

    // "special_tokens": {"<s>": {"id": "<s>", "ids": [1], "tokens": ["<s>"]}}
    private static Dictionary<string, int[]> ReadSpecialTokens(JsonElement element, LoadContext context)
    {
        var result = new Dictionary<string, int[]>(StringComparer.Ordinal);
        if (LoadContext.OptionalObject(element, "special_tokens") is not JsonElement specials)
            return result;
        foreach (JsonProperty entry in specials.EnumerateObject())
            result[entry.Name] = context.RequiredArray(entry.Value, "ids", $"TemplateProcessing special token '{entry.Name}'")
                .EnumerateArray().Select(id => id.TryGetInt32(out int v) ? v
                    : throw context.Invalid($"TemplateProcessing special token '{entry.Name}' has a non-integer id.")).ToArray();
        return result;
    }

    // "cls": ["<s>", 0]
    private static int[] ReadIdPair(JsonElement element, string property, LoadContext context)
    {
        if (element.TryGetProperty(property, out JsonElement pair) && pair.ValueKind == JsonValueKind.Array &&
            pair.GetArrayLength() == 2 && pair[1].TryGetInt32(out int id))
            return [id];
        throw context.Invalid($"post_processor needs '{property}' as [token, id].");
    }
}
