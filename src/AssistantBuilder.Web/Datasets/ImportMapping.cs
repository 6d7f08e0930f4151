using AssistantBuilder.Core.Datasets;

namespace AssistantBuilder.Web.Datasets;

/// <summary>
/// The user's names for a CSV's columns and a transcript's speakers (the upload's <c>promptColumn</c>,
/// <c>responseColumn</c>, <c>systemColumn</c> and <c>speakers</c> fields). A dataset imported with one is stored as
/// OpenAI chat JSONL, so every later reader (training, preview, evaluation) sees the same conversations.
/// </summary>
public sealed record ImportMapping(string? PromptColumn = null, string? ResponseColumn = null, string? SystemColumn = null, string? Speakers = null)
{
    public bool IsEmpty => PromptColumn is null && ResponseColumn is null && SystemColumn is null && Speakers is null;

    /// <summary>The import options with the mapping applied.</summary>
    /// <exception cref="DatasetProblem">400: the speakers text is not LABEL=ROLE pairs.</exception>
    public ImportOptions Apply(ImportOptions options)
    {
        IReadOnlyDictionary<string, string>? speakers = null;
        if (Speakers is { } text)
        {
            try { speakers = SpeakerRolesText.Parse(text); }
            catch (ArgumentException ex) { throw DatasetProblem.BadRequest(ex.Message); }
        }
        return options with { PromptColumn = PromptColumn, ResponseColumn = ResponseColumn, SystemColumn = SystemColumn, SpeakerRoles = speakers };
    }
}
