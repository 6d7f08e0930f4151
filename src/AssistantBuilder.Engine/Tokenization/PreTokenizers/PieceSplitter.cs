namespace AssistantBuilder.Engine.Tokenization;

/// <summary>
/// HF's <c>NormalizedString::split</c>: turns pattern matches into pre-tokens under a <see cref="SplitBehavior"/>.
/// </summary>
internal static class PieceSplitter
{
    private readonly record struct Segment(int Start, int End, bool IsMatch);

    public static SplitBehavior ParseBehavior(string name, LoadContext context) => name switch
    {
        "Removed" => SplitBehavior.Removed,
        "Isolated" => SplitBehavior.Isolated,
        "MergedWithPrevious" => SplitBehavior.MergedWithPrevious,
        "MergedWithNext" => SplitBehavior.MergedWithNext,
        "Contiguous" => SplitBehavior.Contiguous,
        _ => throw context.Invalid($"unknown split behavior '{name}'."),
    };

    public static void Split(PreToken piece, List<(int Start, int End)> matches, SplitBehavior behavior,
        bool invert, List<PreToken> output)
    {
        List<Segment> segments = Cover(piece.Text.Length, matches, invert);
        foreach ((int start, int end) in Apply(segments, behavior))
            if (end > start)
                output.Add(new PreToken(piece.Text[start..end], piece.AtStart && start == 0));
    }

    // HF's Pattern::find_matches: matches and the gaps between them, covering the whole text.
    private static List<Segment> Cover(int length, List<(int Start, int End)> matches, bool invert)
    {
        var segments = new List<Segment>(matches.Count * 2 + 1);
        int previous = 0;
        foreach ((int start, int end) in matches)
        {
            if (previous != start)
                segments.Add(new Segment(previous, start, invert));
            segments.Add(new Segment(start, end, !invert));
            previous = end;
        }
        if (previous != length || segments.Count == 0)
            segments.Add(new Segment(previous, length, invert));
        return segments;
    }

    private static List<(int Start, int End)> Apply(List<Segment> segments, SplitBehavior behavior) => behavior switch
    {
        SplitBehavior.Removed => segments.Where(s => !s.IsMatch).Select(s => (s.Start, s.End)).ToList(),
        SplitBehavior.Isolated => segments.Select(s => (s.Start, s.End)).ToList(),
        SplitBehavior.MergedWithPrevious => MergeWithPrevious(segments),
        SplitBehavior.MergedWithNext => MergeWithNext(segments),
        _ => MergeContiguous(segments),
    };

    // A match joins the piece before it (unless that piece was itself a match).
    private static List<(int Start, int End)> MergeWithPrevious(List<Segment> segments)
    {
        var result = new List<(int Start, int End)>();
        bool previousMatch = false;
        foreach (Segment s in segments)
        {
            if (s.IsMatch && !previousMatch && result.Count > 0)
                result[^1] = (result[^1].Start, s.End);
            else
                result.Add((s.Start, s.End));
            previousMatch = s.IsMatch;
        }
        return result;
    }

    // A match joins the piece after it (unless that piece is itself a match): HF folds from the right.
    private static List<(int Start, int End)> MergeWithNext(List<Segment> segments)
    {
        var result = new List<(int Start, int End)>();
        bool nextMatch = false;
        for (int i = segments.Count - 1; i >= 0; i--)
        {
            Segment s = segments[i];
            if (s.IsMatch && !nextMatch && result.Count > 0)
                result[^1] = (s.Start, result[^1].End);
            else
                result.Add((s.Start, s.End));
            nextMatch = s.IsMatch;
        }
        result.Reverse();
        return result;
    }

    // Runs of matches, and runs of non-matches, each become one piece.
    private static List<(int Start, int End)> MergeContiguous(List<Segment> segments)
    {
        var result = new List<(int Start, int End)>();
        bool? previousMatch = null;
        foreach (Segment s in segments)
        {
            if (s.IsMatch == previousMatch)
                result[^1] = (result[^1].Start, s.End);
            else
                result.Add((s.Start, s.End));
            previousMatch = s.IsMatch;
        }
        return result;
    }
}
