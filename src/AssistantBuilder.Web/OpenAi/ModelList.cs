namespace AssistantBuilder.Web.OpenAi;

/// <summary><c>GET /v1/models</c>: the assistants, each as a model.</summary>
public sealed record ModelList(IReadOnlyList<ModelEntry> Data)
{
    public string Object => "list";
}

public sealed record ModelEntry(string Id, long Created)
{
    public string Object => "model";
    public string OwnedBy => "assistantbuilder";
}
