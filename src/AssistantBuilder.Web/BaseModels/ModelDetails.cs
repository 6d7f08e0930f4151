using System.Text.Json;

namespace AssistantBuilder.Web.BaseModels;

/// <summary>
/// A registered model with what its folder holds: config numbers, files and sizes, chat template, generation_config.json.
/// <see cref="Problem"/> says why the folder is not usable now (moved, deleted, damaged); <see cref="Deletable"/> whether
/// an operator may delete it (pulled and uploaded models only).
/// </summary>
public sealed record ModelDetails(ModelSummary Model, bool FolderExists, string? Problem, ModelShape? Shape,
    IReadOnlyList<ModelFileInfo> Files, long TotalBytes, bool ChatTemplate, IReadOnlyDictionary<string, JsonElement>? GenerationConfig,
    bool Deletable);
