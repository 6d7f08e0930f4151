using System.Text;

namespace AssistantBuilder.Core.Datasets;

/// <summary>A string that is equal for exactly equal conversations (roles, contents, train flags), for de-duplication and stable hashing.</summary>
internal static class ConversationKey
{
    public static string Of(Conversation conversation)
    {
        var key = new StringBuilder();
        foreach (ConversationTurn turn in conversation.Turns)
        {
            key.Append(turn.Role).Append('\u001f').Append(turn.Train ? '1' : '0').Append('\u001f').Append(turn.Content).Append('\u001e');
        }

        return key.ToString();
    }
}
