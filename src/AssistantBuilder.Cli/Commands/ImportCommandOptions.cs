using System.CommandLine;
using AssistantBuilder.Core.Datasets;

namespace AssistantBuilder.Cli.Commands;

/// <summary>How <c>ab train</c> reads its data: the format, CSV column names and transcript speakers.</summary>
static class ImportCommandOptions
{
    public static readonly Option<DatasetFormat> Format = new("--format") { Description = "Data format (auto detects it from the file).", DefaultValueFactory = _ => DatasetFormat.Auto };
    static readonly Option<string?> PromptColumn = new("--prompt-column") { Description = "CSV: the prompt column (default: the first of prompt, question, input, instruction, user)." };
    static readonly Option<string?> ResponseColumn = new("--response-column") { Description = "CSV: the response column (default: the first of response, answer, output, completion, assistant)." };
    static readonly Option<string?> SystemColumn = new("--system-column") { Description = "CSV: a system-prompt column (default: one named system, if any)." };
    static readonly Option<string?> Speakers = new("--speakers")
    {
        Description = "Transcripts: speaker labels and their roles, e.g. \"Agent=assistant,Caller=user\" (replaces the default labels User/Customer/..., Assistant/Agent/...).",
    };

    public static IEnumerable<Option> All => [Format, PromptColumn, ResponseColumn, SystemColumn, Speakers];

    public static ImportOptions From(ParseResult r)
    {
        var mapping = new ImportMapping(r.GetValue(PromptColumn), r.GetValue(ResponseColumn), r.GetValue(SystemColumn), r.GetValue(Speakers));
        try { return mapping.Apply(new ImportOptions { Format = r.GetValue(Format) }); }
        catch (ArgumentException ex) { throw new UserError($"--{ex.Message}"); }
    }
}
