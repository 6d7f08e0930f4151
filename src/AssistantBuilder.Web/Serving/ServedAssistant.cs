using AssistantBuilder.Data;
using Microsoft.Extensions.AI;

namespace AssistantBuilder.Web.Serving;

/// <summary>An assistant ready to answer: its row, the adapter version live now (null: base model) and its chat client.</summary>
public sealed record ServedAssistant(Assistant Assistant, AdapterVersion? Version, IChatClient Client);
