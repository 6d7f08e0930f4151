using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using AssistantBuilder.Core.Evaluation;
using AssistantBuilder.Core.Training;
using AssistantBuilder.Engine;
using AssistantBuilder.Engine.Lora;
using AssistantBuilder.Engine.Modeling;
using AssistantBuilder.Engine.Training;

namespace AssistantBuilder.Cli.Commands;

/// <summary>
/// <c>ab bench finetune</c>: fine-tunes a model on a sample domain with <c>ab train</c>'s defaults, timed, then
/// scores the key facts in greedy answers to the held-out eval items, from the fine-tuned model and from the base
/// model prompted with the domain's facts.
/// </summary>
static class BenchFinetuneCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Base model folder.", DefaultValueFactory = _ => Path.Combine("data", "models", "default") };
        var data = new Option<string>("--data") { Description = "Domain folder with train.*, eval.* and facts.json (see data/samples/README.md).", Required = true };
        var output = new Option<string?>("--out") { Description = "Where the adapter goes (default: a temporary folder, deleted afterwards)." };
        var adapter = new Option<string?>("--adapter") { Description = "Score this adapter instead of training one." };
        var epochs = new Option<int?>("--epochs") { Description = "Override ab train's default epochs." };
        var rate = new Option<double?>("--learning-rate") { Description = "Override ab train's default learning rate (which, like the epochs and batch size, depends on the model's size)." };
        var rank = new Option<int?>("--lora-rank") { Description = "Override ab train's default LoRA rank (alpha stays 2 x rank)." };
        var batch = new Option<int?>("--batch-size") { Description = "Override ab train's default batch size." };
        var seed = new Option<int?>("--seed") { Description = "Override ab train's default seed." };
        var maxNew = new Option<int>("--max-new-tokens") { Description = "Longest answer generated per eval item.", DefaultValueFactory = _ => FactEvaluator.DefaultMaxNewTokens };
        var limit = new Option<int?>("--limit") { Description = "Score only the first N eval items." };
        var device = CommonOptions.Device();
        var json = CommonOptions.Json("Print one JSON object (with every answer) instead of a table.");
        var command = new Command("finetune", "Fine-tune on a sample domain with ab train's defaults, then compare held-out fact recall: fine-tuned model vs base model prompted with the facts.")
        {
            model, data, output, adapter, epochs, rate, rank, batch, seed, maxNew, limit, device, json,
        };
        command.SetAction((r, ct) => CliErrors.Run(async () =>
        {
            var dev = DeviceSelector.Resolve(r.GetValue(device)!);
            string modelDir = r.GetValue(model)!;
            var set = FactEvalSet.Load(r.GetValue(data)!);
            var items = r.GetValue(limit) is int n ? set.Items.Take(n).ToList() : set.Items;
            bool asJson = r.GetValue(json);
            string? outDir = r.GetValue(output), adapterDir = r.GetValue(adapter);
            string temp = Path.Combine(Path.GetTempPath(), "ab-bench-finetune-" + Guid.NewGuid().ToString("N")[..8]);
            try
            {
                object? training = null;
                if (adapterDir is null)
                {
                    adapterDir = outDir ?? temp;
                    var lora = new LoraConfig();
                    if (r.GetValue(rank) is int rk) lora = lora with { R = rk, LoraAlpha = 2 * rk };
                    var options = new TrainOptions();
                    if (r.GetValue(seed) is int s) options = options with { Seed = s };
                    var request = new FineTuneRequest(modelDir, Path.GetFullPath(set.TrainPath), adapterDir)
                    {
                        Lora = lora, Options = options, LearningRate = r.GetValue(rate), Epochs = r.GetValue(epochs), BatchSize = r.GetValue(batch), Device = dev,
                    };
                    var watch = Stopwatch.StartNew();
                    FineTuneSetup? setup = null;
                    var done = FineTune.Run(request, x => setup = x, trainer => trainer.Run(null, false, ct));
                    if (!done.Completed) return 130;
                    training = new
                    {
                        seconds = Math.Round(watch.Elapsed.TotalSeconds, 1), train_examples = setup!.Data.Train.Count, validation_examples = setup.Data.Validation.Count,
                        epochs = setup.Options.Epochs, batch_size = setup.Options.BatchSize, learning_rate = setup.Options.LearningRate, settings = setup.Source,
                        lora_rank = lora.R, lora_alpha = lora.LoraAlpha, steps = done.Step, train_loss = done.TrainLoss, eval_loss = done.EvalLoss,
                    };
                    if (!asJson) Console.Error.WriteLine($"trained in {watch.Elapsed.TotalSeconds:F1} s: {done.Step} steps, train loss {done.TrainLoss:F3}, eval loss {done.EvalLoss:F3}");
                }
                int max = r.GetValue(maxNew);
                FactScore tuned, prompted;
                using (var chat = ChatModel.Load(modelDir, dev, adapterDirectory: adapterDir))
                    tuned = await FactEvaluator.RunAsync(chat, items, FactEvaluator.AsIs, max, ct: ct);
                var facts = set.AllFacts;
                using (var chat = ChatModel.Load(modelDir, dev))
                    prompted = await FactEvaluator.RunAsync(chat, items, i => FactPrompt.Build(chat, i, facts, max), max, ct: ct);
                Console.WriteLine(asJson ? Json(r.GetValue(data)!, modelDir, training, tuned, prompted) : Table(tuned, prompted));
                return 0;
            }
            finally
            {
                if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            }
        }));
        return command;
    }

    static string Json(string domain, string model, object? training, FactScore tuned, FactScore prompted) => JsonSerializer.Serialize(new
    {
        domain, model, training,
        fine_tuned = Score(tuned), prompted = Score(prompted),
    }, JsonDefaults.Snake);

    static object Score(FactScore s) => new
    {
        recall = s.Recall, partial_credit = s.PartialCredit, items = s.Answers.Count, items_with_all_facts = s.ItemsWithAllFacts, seconds = Math.Round(s.Seconds, 1),
        answers = s.Answers.Select(a => new { id = a.Id, question = a.Question, answer = a.Answer, facts = a.Facts, found = a.Found, prompt_tokens = a.PromptTokens }),
    };

    static string Table(FactScore tuned, FactScore prompted)
    {
        var lines = new List<string> { $"{"item",-22} {"fine-tuned",10} {"prompted",9}  fine-tuned answer" };
        for (int i = 0; i < tuned.Answers.Count; i++)
        {
            var (t, p) = (tuned.Answers[i], prompted.Answers[i]);
            string answer = t.Answer.ReplaceLineEndings(" ");
            lines.Add($"{t.Id,-22} {$"{t.Found.Count}/{t.Facts.Count}",10} {$"{p.Found.Count}/{p.Facts.Count}",9}  {(answer.Length > 70 ? answer[..70] + "..." : answer)}");
        }
        lines.Add("");
        lines.Add($"fact recall (all key facts)  fine-tuned {tuned.Recall:P0} ({tuned.ItemsWithAllFacts}/{tuned.Answers.Count})   prompted base {prompted.Recall:P0} ({prompted.ItemsWithAllFacts}/{prompted.Answers.Count})");
        lines.Add($"partial credit               fine-tuned {tuned.PartialCredit:P0}   prompted base {prompted.PartialCredit:P0}");
        return string.Join(Environment.NewLine, lines);
    }
}
