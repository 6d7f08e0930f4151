using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AssistantBuilder.Core.Comparison;
using AssistantBuilder.Core.Datasets;
using AssistantBuilder.Core.Serving;
using AssistantBuilder.Engine.Serving;

namespace AssistantBuilder.Cli.Commands;

/// <summary><c>ab compare</c>: the fine-tuned model against the prompted base model (and optionally an external one) on a held-out file.</summary>
static class CompareCommand
{
    static readonly Option<string> Model = new("--model") { Description = "Base model folder (Hugging Face layout).", Required = true };
    static readonly Option<string?> Adapter = new("--adapter") { Description = "PEFT LoRA adapter folder: the fine-tuned contestant (without it, --model as it is)." };
    static readonly Option<FileInfo> Data = new("--data") { Description = "Held-out file in any import format; the last assistant turn of each conversation is the reference.", Required = true };
    static readonly Option<string?> System = new("--system") { Description = "System prompt for both contestants (default: each eval conversation's own, if any)." };
    static readonly Option<int> FewShot = new("--few-shot") { Description = "Few-shot examples per question for the prompted baseline, picked by BM25 similarity from --examples.", DefaultValueFactory = _ => 3 };
    static readonly Option<FileInfo?> Examples = new("--examples") { Description = "Training file to pick few-shot examples from (any import format); without it the baseline has the system prompt only." };
    static readonly Option<FileInfo?> Facts = new("--facts") { Description = "facts.json with key facts per eval item (see data/samples/README.md): adds exact fact recall." };
    static readonly Option<int?> Limit = new("--limit") { Description = "Evaluate only the first N examples." };
    static readonly Option<int> MaxTokens = new("--max-tokens") { Description = "Longest answer, in tokens (greedy decoding).", DefaultValueFactory = _ => 96 };
    static readonly Option<string?> ExternalEndpoint = new("--external-endpoint") { Description = "OpenAI-compatible base URL (e.g. http://localhost:11434/v1) for a third contestant." };
    static readonly Option<string?> ExternalModel = new("--external-model") { Description = "Model name at --external-endpoint." };
    static readonly Option<bool> Judge = new("--judge") { Description = "Also score every answer 1-5 with the external model as judge." };
    static readonly Option<string> Device = CommonOptions.Device();
    static readonly Option<bool> Json = CommonOptions.Json("Print the whole report as one JSON object.");

    public static Command Create()
    {
        var command = new Command("compare", "Fine-tuned versus prompted: answers a held-out file with the fine-tuned model and with the base model prompted " +
            "with a system prompt and few-shot examples (Semantic Kernel), and scores both: token F1, ROUGE-L, key facts, perplexity of the references, latency. " +
            "The external model's key is read from AB_COMPARE_EXTERNAL_KEY.")
        {
            Model, Adapter, Data, System, FewShot, Examples, Facts, Limit, MaxTokens, ExternalEndpoint, ExternalModel, Judge, Device, Json,
        };
        command.Validators.Add(r =>
        {
            if ((r.GetValue(ExternalEndpoint) is null) != (r.GetValue(ExternalModel) is null)) r.AddError("give both --external-endpoint and --external-model, or neither");
            if (r.GetValue(Judge) && r.GetValue(ExternalEndpoint) is null) r.AddError("--judge needs an external model (--external-endpoint, --external-model)");
        });
        command.SetAction((r, ct) => CliErrors.Run(() => RunAsync(r, ct)));
        return command;
    }

    static async Task<int> RunAsync(ParseResult r, CancellationToken ct)
    {
        if (r.GetValue(FewShot) < 0) throw new UserError("--few-shot must be 0 or more");
        if (r.GetValue(MaxTokens) < 1) throw new UserError("--max-tokens must be at least 1");
        var data = r.GetValue(Data)!;
        if (!data.Exists) throw new UserError($"{data.FullName}: eval file not found");
        KeyFacts? facts = null;
        if (r.GetValue(Facts) is { } factsFile)
        {
            try { facts = KeyFacts.Load(factsFile.FullName); }
            catch (Exception ex) when (ex is FormatException or IOException) { throw new UserError(ex.Message); }
        }
        var items = EvalSet.Load(data.FullName, facts, r.GetValue(Limit));
        FewShotSelector? selector = null;
        if (r.GetValue(Examples) is { } examples)
        {
            if (!examples.Exists) throw new UserError($"{examples.FullName}: examples file not found");
            selector = FewShotSelector.FromConversations(DatasetImporter.Import(examples.FullName, new ImportOptions()).Conversations);
        }
        ExternalModel? external = null;
        if (r.GetValue(ExternalEndpoint) is { } endpoint)
        {
            external = new ExternalModel(endpoint, r.GetValue(ExternalModel)!, Environment.GetEnvironmentVariable("AB_COMPARE_EXTERNAL_KEY"));
            if (external.Problem() is { } problem) throw new UserError(problem);
        }

        int maxTokens = r.GetValue(MaxTokens);
        using var host = new ModelHost(new ServingOptions { Slots = 1 }, r.GetValue(Device)!);
        var model = host.Get(r.GetValue(Model)!);
        string? system = r.GetValue(System);
        string? adapter = r.GetValue(Adapter);
        var tuned = new EngineChatClient(model, new EngineChatProfile("fine-tuned", adapter, system));
        var baseClient = new EngineChatClient(model, new EngineChatProfile("prompted"));
        var contestants = new List<Contestant>
        {
            Contestant.LocalModel(adapter is null ? model.Name : "fine-tuned", ContestantKind.FineTuned, tuned, LocalKernel.Greedy(maxTokens)),
            Contestant.PromptedModel($"prompted ({(selector is null ? 0 : r.GetValue(FewShot))}-shot)", baseClient, system, selector, r.GetValue(FewShot), maxTokens, LocalKernel.Greedy(maxTokens)),
        };
        if (external is not null) contestants.Add(external.Contestant(maxTokens));
        var options = new EvaluationOptions(maxTokens, r.GetValue(Judge) && external is not null ? LlmJudge.For(external) : null);

        bool json = r.GetValue(Json);
        var progress = json ? null : new CompareProgress(items.Count);
        var report = await HeldOutEvaluator.RunAsync(items, contestants, options, data.Name, progress, ct);
        if (!json) Console.Error.WriteLine();
        Console.WriteLine(json ? JsonSerializer.Serialize(report, JsonDefaults.Snake) : Table(report));
        return 0;
    }

    static string Table(EvaluationReport report)
    {
        var lines = new List<string> { report.Verdict, "" };
        lines.Add($"{"contestant",-22} {"F1",6} {"ROUGE-L",8} {"facts",6} {"ppl",8} {"ttft ms",8} {"latency ms",10} {"tok/s",7} {"tokens",7}{(report.Contestants.Any(c => c.JudgeScore is not null) ? "  judge" : "")}");
        foreach (var c in report.Contestants)
            lines.Add($"{Clip(c.Name, 22),-22} {c.F1,6:F3} {c.RougeL,8:F3} {Opt(c.FactRecall, "P0"),6} {Opt(c.Perplexity, "F2"),8} {c.TimeToFirstTokenMs,8:F0} {c.LatencyMs,10:F0} " +
                $"{c.TokensPerSecond,7:F1} {c.CompletionTokens,7:F1}{(c.JudgeScore is { } j ? $"  {j:F2}" : "")}{(c.Errors > 0 ? $"  ({c.Errors} failed)" : "")}");
        lines.Add("");
        lines.Add($"{"#",3}  {"question",-40} " + string.Join(" ", report.Contestants.Select(c => $"{Clip(c.Name, 14),14}")) + "   (F1 / facts)");
        foreach (var e in report.Examples)
            lines.Add($"{e.Index + 1,3}  {Clip(e.Question, 40),-40} " + string.Join(" ", e.Answers.Select(a =>
                $"{(a.Error is null ? $"{a.F1:F2}" + (a.FactsTotal > 0 ? $" {a.FactsFound}/{a.FactsTotal}" : "") : "error"),14}")));
        return string.Join(Environment.NewLine, lines);
    }

    static string Opt(double? v, string format) => v?.ToString(format, CultureInfo.InvariantCulture) ?? "-";
    static string Clip(string s, int n) => (s = s.ReplaceLineEndings(" ")).Length <= n ? s : s[..(n - 1)] + "…";
}
