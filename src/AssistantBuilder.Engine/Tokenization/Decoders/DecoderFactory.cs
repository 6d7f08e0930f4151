using System.Text.Json;

namespace AssistantBuilder.Engine.Tokenization;

/// <summary>Builds an <see cref="IDecoder"/> from tokenizer.json's <c>decoder</c> object.</summary>
internal static class DecoderFactory
{
    public static IDecoder? Create(JsonElement? json, LoadContext context)
    {
        if (json is not JsonElement element)
            return null;
        string type = context.TypeOf(element, "decoder");
        return type switch
        {
            "ByteLevel" => new ByteLevelDecoder(),
            "ByteFallback" => new ByteFallbackDecoder(),
            "Fuse" => new FuseDecoder(),
            "Strip" => new StripDecoder(
                StripContent(element, context),
                OptionalInt(element, "start"),
                OptionalInt(element, "stop")),
            "Replace" => new ReplaceDecoder(
                TextPattern.Parse(element, context, "Replace decoder"),
                context.RequiredString(element, "content", "Replace decoder")),
            "Metaspace" => new MetaspaceDecoder(MetaspaceSettings.Replacement(element, context), MetaspaceSettings.Scheme(element, context)),
            "BPEDecoder" => new BpeSuffixDecoder(LoadContext.OptionalString(element, "suffix") ?? "</w>"),
            "Sequence" => new SequenceDecoder(context.RequiredArray(element, "decoders", "Sequence decoder")
                .EnumerateArray().Select(d => Create(d, context)!).ToList()),
            _ => throw context.Unsupported("decoder", type),
        };
    }

    private static char StripContent(JsonElement element, LoadContext context)
    {
        string content = context.RequiredString(element, "content", "Strip decoder");
        return content.Length == 1 ? content[0] : throw context.Invalid($"Strip decoder content must be one character, found '{content}'.");
    }

    private static int OptionalInt(JsonElement element, string property) =>
        element.TryGetProperty(property, out JsonElement value) && value.TryGetInt32(out int number) ? number : 0;
}
