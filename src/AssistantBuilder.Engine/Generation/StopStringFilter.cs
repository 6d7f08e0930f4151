namespace AssistantBuilder.Engine.Generation;

/// <summary>
/// Streams text while watching for stop strings: text that could still turn out to begin a stop string is held
/// back until it cannot, and everything from a stop string on is dropped.
/// </summary>
public sealed class StopStringFilter(IReadOnlyList<string> stops)
{
    string _pending = "";

    /// <summary>Adds new text; returns what is safe to emit and whether a stop string was reached.</summary>
    public (string Emit, bool Stopped) Push(string text)
    {
        _pending += text;
        int hit = stops.Where(s => s.Length > 0).Select(s => _pending.IndexOf(s, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (hit >= 0)
        {
            string before = _pending[..hit];
            _pending = "";
            return (before, true);
        }
        int hold = stops.Select(HeldBack).DefaultIfEmpty(0).Max();
        string emit = _pending[..^hold];
        _pending = _pending[^hold..];
        return (emit, false);
    }

    /// <summary>Whatever is still held back, once generation ends without a stop string.</summary>
    public string Flush()
    {
        string rest = _pending;
        _pending = "";
        return rest;
    }

    // The longest tail of the pending text that is a proper prefix of the stop string.
    int HeldBack(string stop)
    {
        for (int n = Math.Min(stop.Length - 1, _pending.Length); n > 0; n--)
            if (string.CompareOrdinal(_pending, _pending.Length - n, stop, 0, n) == 0) return n;
        return 0;
    }
}
