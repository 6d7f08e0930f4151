using System.Text.Json;

namespace AssistantBuilder.Engine.Tokenization;

/// <summary>
/// One piece of a TemplateProcessing template, serialized as <c>{"SpecialToken": {"id": "&lt;s&gt;"}}</c> or
/// <c>{"Sequence": {"id": "A"}}</c>, or in HF's string shorthand (<c>"&lt;s&gt;"</c>, <c>"$A"</c>, <c>"$A:1"</c>).
/// </summary>
internal static class TemplatePiece
{
    /// <summary>The special token's name, or null when the piece is the sequence.</summary>
    public static string? SpecialTokenName(JsonElement piece, LoadContext context)
    {
        if (piece.ValueKind == JsonValueKind.String)
            return FromShorthand(piece.GetString()!);
        if (piece.ValueKind == JsonValueKind.Object)
        {
            if (piece.TryGetProperty("SpecialToken", out JsonElement special))
                return context.RequiredString(special, "id", "TemplateProcessing SpecialToken");
            if (piece.TryGetProperty("Sequence", out _))
                return null;
        }
        throw context.Invalid($"TemplateProcessing piece {piece.GetRawText()} is neither a SpecialToken nor a Sequence.");
    }

    private static string? FromShorthand(string text)
    {
        if (text.StartsWith('$'))
            return null;
        int colon = text.LastIndexOf(':');
        return colon > 0 && int.TryParse(text[(colon + 1)..], out _) ? text[..colon] : text;
    }
}
