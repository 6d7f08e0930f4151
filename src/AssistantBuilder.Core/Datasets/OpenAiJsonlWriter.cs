using System.Text.Json;

namespace AssistantBuilder.Core.Datasets;

/// <summary>Conversations as OpenAI chat JSONL (one <c>{"messages":[...]}</c> per line; <c>"weight": 0</c> on assistant turns not trained on), which reads back the same.</summary>
public static class OpenAiJsonlWriter
{
    public static void Write(IEnumerable<Conversation> conversations, Stream output)
    {
        using var writer = new StreamWriter(output, leaveOpen: true);
        foreach (var conversation in conversations)
        {
            var messages = conversation.Turns.Select(t => t.Role == Roles.Assistant && !t.Train
                ? (object)new { role = t.Role, content = t.Content, weight = 0 }
                : new { role = t.Role, content = t.Content });
            writer.Write(JsonSerializer.Serialize(new { messages }));
            writer.Write('\n');
        }
    }
}
