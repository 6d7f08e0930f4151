namespace AssistantBuilder.Core.Datasets;

/// <summary>
/// The user's names for a CSV's columns and a transcript's speakers (<c>ab train --prompt-column ... --speakers</c>,
/// the upload's <c>promptColumn</c>, <c>responseColumn</c>, <c>systemColumn</c> and <c>speakers</c> fields).
/// </summary>
public sealed record ImportMapping(string? PromptColumn = null, string? ResponseColumn = null, string? SystemColumn = null, string? Speakers = null)
{
    public bool IsEmpty => PromptColumn is null && ResponseColumn is null && SystemColumn is null && Speakers is null;

    /// <summary>The import options with the mapping applied.</summary>
    /// <exception cref="ArgumentException">The speakers text is not LABEL=ROLE pairs (<see cref="SpeakerRolesText.Parse"/>).</exception>
    public ImportOptions Apply(ImportOptions options) => options with
    {
        PromptColumn = PromptColumn, ResponseColumn = ResponseColumn, SystemColumn = SystemColumn,
        SpeakerRoles = Speakers is { } text ? SpeakerRolesText.Parse(text) : null,
    };
}
