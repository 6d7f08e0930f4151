namespace AssistantBuilder.Engine.Tokenization;

/// <summary>
/// The merge loop of HF's <c>Word::merge_all</c>: a min-heap of candidate merges ordered by rank, then by position;
/// pop the best, skip it if stale (a side was already merged away or the pair changed), otherwise merge and queue
/// the new pairs formed with both neighbours. O(n log n), so a whole Llama 2 paragraph (one "word", as it has no
/// pre-tokenizer) stays fast.
/// </summary>
internal static class BpeWord
{
    public static void MergeAll(List<int> symbols, BpeMerges merges)
    {
        int n = symbols.Count;
        if (n < 2 || merges.Count == 0)
            return;

        int[] ids = symbols.ToArray();
        int[] prev = new int[n];
        int[] next = new int[n];
        bool[] removed = new bool[n];
        var queue = new PriorityQueue<(int Pos, int NewId), long>(n);
        for (int i = 0; i < n; i++)
        {
            prev[i] = i - 1;
            next[i] = i + 1 < n ? i + 1 : -1;
            if (i + 1 < n)
                Enqueue(queue, merges, ids, i, i + 1);
        }

        while (queue.TryDequeue(out (int Pos, int NewId) top, out _))
        {
            int pos = top.Pos;
            int right = next[pos];
            if (removed[pos] || right == -1)
                continue;
            if (!merges.TryGet(ids[pos], ids[right], out var current) || current.NewId != top.NewId)
                continue; // stale entry

            ids[pos] = top.NewId;
            removed[right] = true;
            next[pos] = next[right];
            if (next[pos] != -1)
                prev[next[pos]] = pos;
            if (prev[pos] >= 0)
                Enqueue(queue, merges, ids, prev[pos], pos);
            if (next[pos] != -1)
                Enqueue(queue, merges, ids, pos, next[pos]);
        }

        symbols.Clear();
        for (int i = 0; i < n; i++)
            if (!removed[i])
                symbols.Add(ids[i]);
    }

    // Priority: rank first, then position (HF's Merge ordering), packed so the heap compares one long.
    private static void Enqueue(PriorityQueue<(int, int), long> queue, BpeMerges merges, int[] ids, int left, int right)
    {
        if (merges.TryGet(ids[left], ids[right], out var merge))
            queue.Enqueue((left, merge.NewId), ((long)merge.Rank << 32) | (uint)left);
    }
}
