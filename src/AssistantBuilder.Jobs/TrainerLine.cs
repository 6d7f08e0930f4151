using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AssistantBuilder.Jobs;

/// <summary>One line the trainer printed: a JSON event on stdout, or a log line (stderr, or anything that is not JSON).</summary>
public sealed record TrainerLine(string Kind, int Step, string Json)
{
    public static TrainerLine FromStdout(string line)
    {
        if (line.StartsWith('{'))
        {
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("event", out var kind) && kind.ValueKind == JsonValueKind.String)
                    return new(kind.GetString()!, root.TryGetProperty("step", out var s) && s.TryGetInt32(out int step) ? step : 0, line);
            }
            catch (JsonException) { }
        }
        return Log(line);
    }

    public static TrainerLine Log(string line) => new("log", 0, new JsonObject { ["line"] = line }.ToJsonString());

    public double? Number(string name)
    {
        using var doc = JsonDocument.Parse(Json);
        return doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && double.IsFinite(v.GetDouble()) ? v.GetDouble() : null;
    }

    public string? Text(string name)
    {
        using var doc = JsonDocument.Parse(Json);
        return doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }

    /// <summary>The line as train.log and the job page's log panel show it.</summary>
    public string Describe() => Describe(Kind, Json);

    public static string Describe(string kind, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var e = doc.RootElement;
        string N(string name, string format) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number
            ? v.GetDouble().ToString(format, CultureInfo.InvariantCulture) : "?";
        string S(string name) => e.TryGetProperty(name, out var v) ? v.ToString() : "?";
        return kind switch
        {
            "log" => S("line"),
            "data" => $"data: {S("format")} format, {S("train_examples")} training and {S("validation_examples")} validation conversations, " +
                $"{(e.TryGetProperty("rejected", out var r) && r.ValueKind == JsonValueKind.Array ? r.GetArrayLength() : 0)} rejected; " +
                $"tokens min {S("min_tokens")}, median {S("median_tokens")}, max {S("max_tokens")}; {S("threads")} threads",
            "step" => $"step {S("step")}/{S("total_steps")}  loss {N("loss", "F4")}  lr {N("learning_rate", "0.00e+0")}  {N("tokens_per_second", "F0")} tokens/s",
            "eval" => $"eval at step {S("step")}: validation loss {N("eval_loss", "F4")}, perplexity {N("perplexity", "F2")}",
            "checkpoint" => $"checkpoint at step {S("step")}: {S("path")}",
            "done" => $"done at step {S("step")}: train loss {N("train_loss", "F4")}, {N("seconds", "F1")} s" +
                (e.TryGetProperty("stopped_because", out var why) && why.ValueKind == JsonValueKind.String ? $" ({why.GetString()})" : ""),
            _ => $"{kind}: {json}",
        };
    }
}
