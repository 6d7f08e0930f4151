using AssistantBuilder.Data;

namespace AssistantBuilder.Web.BaseModels;

/// <summary>A registered base model as the models list shows it.</summary>
public sealed record ModelSummary(Guid Id, string Name, string Source, string Architecture, long Parameters, string DType,
    int ContextLength, string Path, DateTime CreatedAt)
{
    public static ModelSummary From(BaseModel m) =>
        new(m.Id, m.Name, m.Source.ToString(), m.Architecture, m.Parameters, m.DType, m.ContextLength, m.Path, m.CreatedAt);
}
