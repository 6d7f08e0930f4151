using AssistantBuilder.Core.Models;
using AssistantBuilder.Data;

namespace AssistantBuilder.Web.Hosting;

static class ModelRows
{
    public static BaseModel FromLocal(LocalModel model, DataPaths paths, ModelSource source) => new()
    {
        Name = model.Name, Path = paths.ToStored(model.Path), Source = source, Architecture = model.Architecture ?? "",
        Parameters = model.Parameters ?? 0, DType = model.Dtype ?? "", ContextLength = ContextLength(model.Path),
    };

    static int ContextLength(string dir)
    {
        try { return Engine.Modeling.ModelConfig.FromFile(Path.Combine(dir, "config.json")).MaxPositionEmbeddings; }
        catch (Engine.Checkpoints.CheckpointException) { return 0; }
    }
}
