namespace AssistantBuilder.Core.Models;

/// <summary>A pull that cannot go on: the repository, revision, token, files or network; the message says which and what to do.</summary>
public sealed class HubException(string message, Exception? inner = null) : Exception(message, inner);
