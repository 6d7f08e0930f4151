namespace AssistantBuilder.Web.Datasets;

/// <summary>A sample dataset shipped with the app (data/samples/&lt;name&gt;/train.*).</summary>
/// <param name="Name">The sample's folder name, e.g. <c>brightwave-support</c>.</param>
/// <param name="FileName">Its training file, e.g. <c>train.jsonl</c>.</param>
/// <param name="SizeBytes">The file's size.</param>
/// <param name="Description">One line about it.</param>
public sealed record SampleDataset(string Name, string FileName, long SizeBytes, string Description)
{
    internal string Path { get; init; } = "";
}
