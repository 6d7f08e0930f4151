namespace AssistantBuilder.Web.BaseModels;

/// <summary>One file of a model folder (path relative to the folder) and its size.</summary>
public sealed record ModelFileInfo(string Name, long Bytes);
