namespace AssistantBuilder.Web.Compare;

/// <summary>One question for every contestant of an assistant (see <see cref="CompareSetup"/>).</summary>
public sealed record AnswersInput(Guid AssistantId, string Question, Guid? ExamplesDatasetId = null, int FewShot = 3, bool IncludeExternal = false,
    ExternalInput? External = null);
