using System.Text.Json;

namespace AssistantBuilder.Engine.Tokenization;

/// <summary>Builds an <see cref="IPreTokenizer"/> from tokenizer.json's <c>pre_tokenizer</c> object.</summary>
internal static class PreTokenizerFactory
{
    public static IPreTokenizer? Create(JsonElement? json, LoadContext context)
    {
        if (json is not JsonElement element)
            return null;
        string type = context.TypeOf(element, "pre_tokenizer");
        return type switch
        {
            "Split" => new SplitPreTokenizer(
                TextPattern.Parse(element, context, "Split pre_tokenizer"),
                PieceSplitter.ParseBehavior(context.RequiredString(element, "behavior", "Split pre_tokenizer"), context),
                LoadContext.OptionalBool(element, "invert", false)),
            "ByteLevel" => new ByteLevelPreTokenizer(
                LoadContext.OptionalBool(element, "add_prefix_space", true),
                LoadContext.OptionalBool(element, "use_regex", true)),
            "Metaspace" => CreateMetaspace(element, context),
            "Digits" => CharClassPreTokenizer.Digits(LoadContext.OptionalBool(element, "individual_digits", false)),
            "Punctuation" => CharClassPreTokenizer.Punctuation(PieceSplitter.ParseBehavior(
                LoadContext.OptionalString(element, "behavior") ?? "Isolated", context)),
            "Whitespace" => WhitespacePreTokenizer.Whitespace(),
            "WhitespaceSplit" => WhitespacePreTokenizer.WhitespaceSplit(),
            "Sequence" => new SequencePreTokenizer(context.RequiredArray(element, "pretokenizers", "Sequence pre_tokenizer")
                .EnumerateArray().Select(p => Create(p, context)!).ToList()),
            _ => throw context.Unsupported("pre_tokenizer", type),
        };
    }

    private static MetaspacePreTokenizer CreateMetaspace(JsonElement element, LoadContext context) => new(
        MetaspaceSettings.Replacement(element, context),
        MetaspaceSettings.Scheme(element, context),
        LoadContext.OptionalBool(element, "split", true));
}
