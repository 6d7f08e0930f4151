using System.Text;

namespace AssistantBuilder.Core.Datasets;

/// <summary>
/// Reads plain-text transcripts: each conversation is a block of lines separated from the next by blank lines;
/// a line starting with a known speaker label (<c>User:</c>, <c>Agent:</c>...) starts a turn, any other line
/// continues the previous turn.
/// </summary>
internal static class TranscriptReader
{
    public static IEnumerable<SourceRecord> Read(SourceText source, SpeakerRoleMap speakers)
    {
        int line = 0;
        while (line < source.Lines.Count)
        {
            if (string.IsNullOrWhiteSpace(source.Lines[line]))
            {
                line++;
                continue;
            }

            int end = BlockEnd(source, line);
            yield return ReadBlock(source, line, end, speakers);
            line = end;
        }
    }

    /// <summary>Whether the first non-blank line starts with a known speaker label.</summary>
    public static bool LooksLikeTranscript(SourceText source, SpeakerRoleMap speakers)
    {
        string? first = source.Lines.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
        return first is not null && SpeakerLine.TrySplit(first, out string label, out _) && speakers.RoleOf(label) is not null;
    }

    private static int BlockEnd(SourceText source, int start)
    {
        int end = start;
        while (end < source.Lines.Count && !string.IsNullOrWhiteSpace(source.Lines[end]))
        {
            end++;
        }

        return end;
    }

    private static SourceRecord ReadBlock(SourceText source, int start, int end, SpeakerRoleMap speakers)
    {
        var turns = new List<(string Role, StringBuilder Text)>();
        for (int i = start; i < end; i++)
        {
            string text = source.Lines[i];
            if (SpeakerLine.TrySplit(text, out string label, out string rest) && speakers.RoleOf(label) is string role)
            {
                turns.Add((role, new StringBuilder(rest)));
            }
            else if (turns.Count > 0)
            {
                turns[^1].Text.Append('\n').Append(text);
            }
            else
            {
                return SourceRecord.Fail(start + 1, end, NoSpeaker(text, speakers));
            }
        }

        return SourceRecord.Ok(start + 1, end, turns.Select(t => new ConversationTurn(t.Role, t.Text.ToString().Trim())).ToList());
    }

    private static string NoSpeaker(string line, SpeakerRoleMap speakers) =>
        SpeakerLine.TrySplit(line, out string label, out _)
            ? $"unknown speaker '{label.Trim()}' (known: {speakers.KnownLabels}; map speakers to roles with ab train --speakers, e.g. Agent=assistant,Caller=user)"
            : "the conversation does not start with a speaker label such as 'User:'";
}
