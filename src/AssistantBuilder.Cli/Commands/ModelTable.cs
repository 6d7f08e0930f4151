using AssistantBuilder.Core.Models;

namespace AssistantBuilder.Cli.Commands;

/// <summary>The plain-text form of <c>ab models list</c>: usable models in columns, then the folders that are not, with why.</summary>
static class ModelTable
{
    public static string Render(IReadOnlyList<string> roots, IReadOnlyList<LocalModel> models)
    {
        if (models.Count == 0)
            return $"no models in {string.Join(", ", roots)}{Environment.NewLine}get one with: ab models pull HuggingFaceTB/SmolLM2-135M-Instruct";
        var usable = models.Where(m => m.Usable).ToList();
        var rows = new List<string[]> { new[] { "NAME", "ARCHITECTURE", "PARAMETERS", "DTYPE", "VOCAB", "TEMPLATE", "PATH" } };
        rows.AddRange(usable.Select(m => new[]
        {
            m.Name, m.Architecture!, Parameters(m.Parameters!.Value), m.Dtype!, m.VocabSize?.ToString() ?? "?", m.ChatTemplate ? "yes" : "no", m.Path,
        }));
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var lines = usable.Count == 0 ? [] : rows.Select(r => string.Join("  ", r.Select((cell, c) => c == r.Length - 1 ? cell : cell.PadRight(widths[c])))).ToList();
        var broken = models.Where(m => !m.Usable).ToList();
        if (broken.Count > 0)
        {
            if (lines.Count > 0) lines.Add("");
            lines.Add("not usable:");
            lines.AddRange(broken.Select(m => $"  {m.Name}: {m.Problem} ({m.Path})"));
        }
        return string.Join(Environment.NewLine, lines);
    }

    public static string Parameters(long n) => n >= 1_000_000_000 ? $"{n / 1e9:F2}B" : n >= 1_000_000 ? $"{n / 1e6:F1}M" : $"{n / 1e3:F1}K";
}
