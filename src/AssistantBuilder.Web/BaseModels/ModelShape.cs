namespace AssistantBuilder.Web.BaseModels;

/// <summary>The architecture numbers of a model's config.json.</summary>
public sealed record ModelShape(int HiddenSize, int IntermediateSize, int Layers, int AttentionHeads, int KeyValueHeads, int HeadDim,
    int VocabSize, int MaxPositionEmbeddings, double RopeTheta, bool TieWordEmbeddings, string? TorchDtype);
