using System.Text.RegularExpressions;

namespace AssistantBuilder.Core.Datasets;

/// <summary>A transcript line of the form <c>Label: text</c>.</summary>
internal static partial class SpeakerLine
{
    /// <summary>Splits <paramref name="line"/> into a label and its text when it starts with a short <c>Label:</c>.</summary>
    public static bool TrySplit(string line, out string label, out string text)
    {
        Match match = Pattern().Match(line);
        label = match.Success ? match.Groups["label"].Value : "";
        text = match.Success ? match.Groups["text"].Value : "";
        return match.Success;
    }

    [GeneratedRegex(@"^\s*(?<label>[\p{L}\p{N}][\p{L}\p{N} ._'-]{0,39}?)\s*:[ \t]?(?<text>.*)$")]
    private static partial Regex Pattern();
}
