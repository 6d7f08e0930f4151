using System.Text;
using System.Text.Json;

namespace AssistantBuilder.Engine.Tokenization;

/// <summary>Builds an <see cref="INormalizer"/> from tokenizer.json's <c>normalizer</c> object.</summary>
internal static class NormalizerFactory
{
    public static INormalizer? Create(JsonElement? json, LoadContext context)
    {
        if (json is not JsonElement element)
            return null;
        string type = context.TypeOf(element, "normalizer");
        return type switch
        {
            "NFC" => new UnicodeFormNormalizer(NormalizationForm.FormC),
            "NFD" => new UnicodeFormNormalizer(NormalizationForm.FormD),
            "NFKC" => new UnicodeFormNormalizer(NormalizationForm.FormKC),
            "NFKD" => new UnicodeFormNormalizer(NormalizationForm.FormKD),
            "Lowercase" => new LowercaseNormalizer(),
            "Prepend" => new PrependNormalizer(context.RequiredString(element, "prepend", "Prepend normalizer")),
            "Replace" => new ReplaceNormalizer(
                TextPattern.Parse(element, context, "Replace normalizer"),
                context.RequiredString(element, "content", "Replace normalizer")),
            "Strip" => new StripNormalizer(
                LoadContext.OptionalBool(element, "strip_left", true),
                LoadContext.OptionalBool(element, "strip_right", true)),
            "Sequence" => new SequenceNormalizer(context.RequiredArray(element, "normalizers", "Sequence normalizer")
                .EnumerateArray().Select(n => Create(n, context)!).ToList()),
            _ => throw context.Unsupported("normalizer", type),
        };
    }
}
