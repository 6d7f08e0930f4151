namespace AssistantBuilder.Core.Datasets;

/// <summary>The indexes of the prompt, response and optional system columns of a CSV header.</summary>
internal sealed record CsvColumns(int Prompt, int Response, int? System, IReadOnlyList<string> Headers)
{
    private static readonly string[] PromptNames = ["prompt", "question", "input", "instruction", "user"];
    private static readonly string[] ResponseNames = ["response", "answer", "output", "completion", "assistant"];
    private static readonly string[] SystemNames = ["system"];

    /// <summary>Finds the columns; throws a <see cref="DatasetException"/> naming the missing one and the header.</summary>
    public static CsvColumns Resolve(IReadOnlyList<string> headers, ImportOptions options, string fileName) =>
        TryResolve(headers, options, out string problem) ?? throw new DatasetException($"{fileName}: {problem}");

    public static CsvColumns? TryResolve(IReadOnlyList<string> headers, ImportOptions options, out string problem)
    {
        problem = "";
        int? prompt = Find(headers, options.PromptColumn, PromptNames, "prompt", nameof(options.PromptColumn), ref problem);
        int? response = Find(headers, options.ResponseColumn, ResponseNames, "response", nameof(options.ResponseColumn), ref problem);
        int? system = Find(headers, options.SystemColumn, SystemNames, null, nameof(options.SystemColumn), ref problem);
        return problem.Length == 0 ? new CsvColumns(prompt!.Value, response!.Value, system, headers) : null;
    }

    /// <summary>The header name of column <paramref name="index"/>.</summary>
    public string NameOf(int index) => Headers[index];

    private static int? Find(
        IReadOnlyList<string> headers, string? explicitName, string[] defaults, string? what, string option, ref string problem)
    {
        string[] candidates = explicitName is null ? defaults : [explicitName];
        foreach (string name in candidates)
        {
            int index = IndexOf(headers, name);
            if (index >= 0)
            {
                return index;
            }
        }

        if (problem.Length == 0 && (explicitName is not null || what is not null))
        {
            problem = explicitName is not null
                ? $"no column '{explicitName}' (--{Option(option)}) in the CSV header; columns: {string.Join(", ", headers)}"
                : $"no {what} column in the CSV header: expected one of {string.Join(", ", defaults)} (rename it, or name it with ab train --{Option(option)}); columns: {string.Join(", ", headers)}";
        }

        return null;
    }

    // PromptColumn -> prompt-column, as ab train spells its option.
    private static string Option(string property) => string.Concat(property.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static int IndexOf(IReadOnlyList<string> headers, string name)
    {
        for (int i = 0; i < headers.Count; i++)
        {
            if (string.Equals(headers[i].Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
