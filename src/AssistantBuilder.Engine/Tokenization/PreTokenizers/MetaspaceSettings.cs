using System.Text.Json;

namespace AssistantBuilder.Engine.Tokenization;

/// <summary>Reads the Metaspace fields shared by the pre-tokenizer and the decoder, old and new forms.</summary>
internal static class MetaspaceSettings
{
    public static char Replacement(JsonElement element, LoadContext context)
    {
        string replacement = LoadContext.OptionalString(element, "replacement") ?? "\u2581";
        if (replacement.Length != 1)
            throw context.Invalid($"Metaspace replacement must be one character, found '{replacement}'.");
        return replacement[0];
    }

    /// <summary>
    /// <c>prepend_scheme</c> (always/first/never); files written before it existed have
    /// <c>add_prefix_space</c>, which HF reads as always (true) or never (false).
    /// </summary>
    public static PrependScheme Scheme(JsonElement element, LoadContext context) =>
        LoadContext.OptionalString(element, "prepend_scheme") switch
        {
            "always" => PrependScheme.Always,
            "first" => PrependScheme.First,
            "never" => PrependScheme.Never,
            null => LoadContext.OptionalBool(element, "add_prefix_space", true) ? PrependScheme.Always : PrependScheme.Never,
            string other => throw context.Invalid($"unknown Metaspace prepend_scheme '{other}'."),
        };
}
