using System.Text.Json;
using AssistantBuilder.Testing;

namespace AssistantBuilder.Engine.Tests.Cli;

public sealed class TrainCommandTests : IDisposable
{
    readonly TinyModel _tiny = TinyModel.Create(TinyModel.DefaultConfig() with { MaxPositionEmbeddings = 256 });
    string Dir => _tiny.Directory;

    string Data(int copies = 1)
    {
        string path = Path.Combine(Dir, "data.jsonl");
        var lines = Enumerable.Range(0, copies).SelectMany(i => new[]
        {
            $$"""{"messages":[{"role":"user","content":"hi {{i}}"},{"role":"assistant","content":"hello"}]}""",
            $$"""{"messages":[{"role":"user","content":"name a colour {{i}}"},{"role":"assistant","content":"blue"}]}""",
        });
        File.WriteAllLines(path, lines);
        return path;
    }

    static List<JsonElement> Events(AbProcess.Result r)
    {
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Stderr}");
        return r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
    }

    [Fact]
    public async Task Train_emits_json_events_and_writes_an_adapter_that_generate_and_export_use()
    {
        string adapter = Path.Combine(Dir, "adapter");
        var events = Events(await AbProcess.RunAsync("train", "--model", Dir, "--data", Data(6), "--out", adapter, "--epochs", "4",
            "--learning-rate", "0.02", "--batch-size", "4", "--lora-rank", "4", "--save-every", "2", "--json"));
        Assert.Equal("data", events[0].GetProperty("event").GetString());
        Assert.Equal(11, events[0].GetProperty("train_examples").GetInt32());
        Assert.Equal(1, events[0].GetProperty("validation_examples").GetInt32());
        var steps = events.Where(e => e.GetProperty("event").GetString() == "step").ToList();
        Assert.Equal(12, steps.Count);
        foreach (var key in new[] { "step", "epoch", "loss", "learning_rate", "tokens_per_second" }) Assert.True(steps[0].TryGetProperty(key, out _), key);
        Assert.Contains(events, e => e.GetProperty("event").GetString() == "eval" && e.GetProperty("eval_loss").GetDouble() > 0);
        var done = events[^1];
        Assert.Equal("done", done.GetProperty("event").GetString());
        foreach (var key in new[] { "adapter_dir", "train_loss", "eval_loss", "trained_tokens", "tokens_per_second", "seconds" }) Assert.True(done.TryGetProperty(key, out _), key);
        Assert.True(steps[^1].GetProperty("loss").GetDouble() < steps[0].GetProperty("loss").GetDouble());
        Assert.True(File.Exists(Path.Combine(adapter, "adapter_config.json")));
        Assert.True(Directory.Exists(Path.Combine(adapter, "checkpoints")));

        string[] prompt = ["--prompt", "hi 3", "--max-new-tokens", "8", "--json"];
        var withAdapter = JsonDocument.Parse((await AbProcess.RunAsync(["generate", "--model", Dir, "--adapter", adapter, .. prompt])).Stdout).RootElement;
        string merged = Path.Combine(Dir, "merged");
        var export = await AbProcess.RunAsync("export", "--model", Dir, "--adapter", adapter, "--out", merged);
        Assert.True(export.ExitCode == 0, export.Stderr);
        foreach (var file in new[] { "config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json", "generation_config.json" })
            Assert.True(File.Exists(Path.Combine(merged, file)), file);
        var fromMerged = JsonDocument.Parse((await AbProcess.RunAsync(["generate", "--model", merged, .. prompt])).Stdout).RootElement;
        Assert.Equal(withAdapter.GetProperty("token_ids").ToString(), fromMerged.GetProperty("token_ids").ToString());
        var baseOnly = JsonDocument.Parse((await AbProcess.RunAsync(["generate", "--model", Dir, .. prompt])).Stdout).RootElement;
        Assert.NotEqual(baseOnly.GetProperty("token_ids").ToString(), withAdapter.GetProperty("token_ids").ToString());
    }

    [Fact]
    public async Task Resume_continues_from_the_last_checkpoint()
    {
        string adapter = Path.Combine(Dir, "resumable");
        string[] args = ["train", "--model", Dir, "--data", Data(4), "--out", adapter, "--epochs", "2", "--batch-size", "2", "--save-every", "3", "--json"];
        var first = Events(await AbProcess.RunAsync(args));
        // No --learning-rate: the tiny test model (under 50M parameters) gets the small-model default, and says so.
        var settings = first.Single(e => e.GetProperty("event").GetString() == "settings");
        Assert.Equal(0.005, settings.GetProperty("learning_rate").GetDouble());
        Assert.Equal(2, settings.GetProperty("epochs").GetInt32());
        Assert.Equal(["learning rate"], settings.GetProperty("defaults").EnumerateArray().Select(x => x.GetString()));
        var resumed = Events(await AbProcess.RunAsync([.. args, "--resume"]));
        // The first run finished; its last checkpoint (step 6 of 8) leaves two steps to redo.
        Assert.Equal([7, 8], resumed.Where(e => e.GetProperty("event").GetString() == "step").Select(e => e.GetProperty("step").GetInt32()));
        var firstLosses = first.Where(e => e.GetProperty("event").GetString() == "step").Skip(6).Select(e => e.GetProperty("loss").GetDouble()).ToList();
        var resumedLosses = resumed.Where(e => e.GetProperty("event").GetString() == "step").Select(e => e.GetProperty("loss").GetDouble()).ToList();
        for (int i = 0; i < 2; i++) Assert.Equal(firstLosses[i], resumedLosses[i], 5);
    }

    [Fact]
    public async Task A_stop_signal_writes_a_checkpoint_and_resume_finishes_the_run()
    {
        string adapter = Path.Combine(Dir, "interrupted");
        string[] args = ["train", "--model", Dir, "--data", Data(4), "--out", adapter, "--epochs", "50", "--batch-size", "2", "--save-every", "1000", "--json"];
        var stopped = await AbProcess.RunInterruptedAsync(line => line.Contains("\"step\":3,"), args); // as docker stop or kill do
        Assert.True(stopped.ExitCode == 130, $"exit {stopped.ExitCode}: {stopped.Stderr}");
        var checkpoint = Events(stopped with { ExitCode = 0 }).Last(e => e.GetProperty("event").GetString() == "checkpoint");
        int stoppedAt = checkpoint.GetProperty("step").GetInt32();
        Assert.InRange(stoppedAt, 3, 199);
        Assert.True(File.Exists(Path.Combine(checkpoint.GetProperty("path").GetString()!, "trainer_state.json")));

        var resumed = Events(await AbProcess.RunAsync([.. args, "--resume"]));
        Assert.Equal(stoppedAt + 1, resumed.First(e => e.GetProperty("event").GetString() == "step").GetProperty("step").GetInt32());
        Assert.Equal(200, resumed[^1].GetProperty("step").GetInt32());
    }

    [Fact]
    public async Task Threads_bound_libtorch_and_must_be_positive()
    {
        string[] args = ["train", "--model", Dir, "--data", Data(2), "--out", Path.Combine(Dir, "threads"), "--epochs", "1", "--batch-size", "4", "--json"];
        var events = Events(await AbProcess.RunAsync([.. args, "--threads", "1"]));
        Assert.Equal(1, events[0].GetProperty("threads").GetInt32());
        Assert.Equal("done", events[^1].GetProperty("event").GetString());

        var zero = await AbProcess.RunAsync([.. args, "--threads", "0"]);
        Assert.Equal(2, zero.ExitCode);
        Assert.Contains("--threads must be at least 1", zero.Stderr);
    }

    [Fact]
    public async Task With_exit_with_parent_closing_stdin_checkpoints_and_stops_and_the_folder_is_locked_meanwhile()
    {
        string adapter = Path.Combine(Dir, "child");
        // Long enough (4000 steps) that the first run is still training while the second starts.
        string[] args = ["train", "--model", Dir, "--data", Data(4), "--out", adapter, "--epochs", "1000", "--batch-size", "2", "--save-every", "1000", "--json"];
        AbProcess.Result? second = null;
        var first = await AbProcess.RunClosingStdinAsync(async line =>
        {
            if (!line.Contains("\"step\":3,")) return false;
            second = await AbProcess.RunAsync(args); // the same --out while the first still trains
            return true;
        }, [.. args, "--exit-with-parent"]);

        Assert.NotNull(second);
        Assert.Equal(2, second.ExitCode);
        Assert.Contains("another trainer is writing", second.Stderr);
        Assert.True(first.ExitCode == 130, $"exit {first.ExitCode}: {first.Stderr}");
        var checkpoint = Events(first with { ExitCode = 0 }).Last(e => e.GetProperty("event").GetString() == "checkpoint");
        Assert.InRange(checkpoint.GetProperty("step").GetInt32(), 3, 3999);
        Assert.True(File.Exists(Path.Combine(checkpoint.GetProperty("path").GetString()!, "trainer_state.json")));
    }

    [Fact]
    public async Task Bad_data_reports_each_line_and_an_unusable_file_fails()
    {
        string mixed = Path.Combine(Dir, "mixed.jsonl");
        File.WriteAllLines(mixed, [
            """{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}""",
            """{"messages":[{"role":"user","content":"hi"}""",
            """{"messages":[{"role":"user","content":"hi"},{"role":"wizard","content":"x"}]}""",
        ]);
        var r = await AbProcess.RunAsync("train", "--model", Dir, "--data", mixed, "--out", Path.Combine(Dir, "m"), "--epochs", "1", "--json");
        var data = Events(r)[0];
        var rejected = data.GetProperty("rejected").EnumerateArray().Select(x => (x.GetProperty("line").GetInt32(), x.GetProperty("reason").GetString()!)).ToList();
        Assert.Equal([2, 3], rejected.Select(x => x.Item1));
        Assert.Contains("wizard", rejected[1].Item2);

        string empty = Path.Combine(Dir, "empty.jsonl");
        File.WriteAllText(empty, "");
        var failed = await AbProcess.RunAsync("train", "--model", Dir, "--data", empty, "--out", Path.Combine(Dir, "e"));
        Assert.Equal(2, failed.ExitCode);
        Assert.Contains("empty", failed.Stderr);
        Assert.False(Directory.Exists(Path.Combine(Dir, "e")));

        var badRate = await AbProcess.RunAsync("train", "--model", Dir, "--data", mixed, "--out", Path.Combine(Dir, "x"), "--learning-rate", "3");
        Assert.Equal(2, badRate.ExitCode);
        Assert.Contains("learning rate must be in (0, 1)", badRate.Stderr);
    }

    [Fact]
    public async Task Csv_columns_and_transcript_speakers_are_named_by_the_user()
    {
        string csv = Path.Combine(Dir, "faq.csv");
        File.WriteAllLines(csv, ["ticket,resolution,note", "printer jams,open tray 2,a", "no wifi,restart the router,b", "slow laptop,close the browser,c"]);
        var plain = await AbProcess.RunAsync("train", "--model", Dir, "--data", csv, "--out", Path.Combine(Dir, "c0"), "--epochs", "1");
        Assert.Equal(2, plain.ExitCode);
        Assert.Contains("no prompt column", plain.Stderr);
        Assert.Contains("--prompt-column", plain.Stderr);
        var mapped = Events(await AbProcess.RunAsync("train", "--model", Dir, "--data", csv, "--out", Path.Combine(Dir, "c1"), "--epochs", "1",
            "--prompt-column", "ticket", "--response-column", "resolution", "--json"))[0];
        Assert.Equal(("csv", 3), (mapped.GetProperty("format").GetString(), mapped.GetProperty("train_examples").GetInt32()));
        var wrong = await AbProcess.RunAsync("train", "--model", Dir, "--data", csv, "--out", Path.Combine(Dir, "c2"), "--prompt-column", "question");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("no column 'question' (--prompt-column)", wrong.Stderr);

        string transcript = Path.Combine(Dir, "calls.txt");
        File.WriteAllText(transcript, "Patron: is the atlas in\nLibrarian: yes, shelf 4\n\nPatron: when do you close\nLibrarian: at six\n");
        var unknown = await AbProcess.RunAsync("train", "--model", Dir, "--data", transcript, "--format", "transcript", "--out", Path.Combine(Dir, "t0"), "--epochs", "1");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown speaker 'Patron'", unknown.Stderr);
        Assert.Contains("--speakers", unknown.Stderr);
        var speakers = Events(await AbProcess.RunAsync("train", "--model", Dir, "--data", transcript, "--out", Path.Combine(Dir, "t1"), "--epochs", "1",
            "--speakers", "Patron=user, Librarian=assistant", "--json"))[0];
        Assert.Equal(("transcript", 2), (speakers.GetProperty("format").GetString(), speakers.GetProperty("train_examples").GetInt32()));
        var bad = await AbProcess.RunAsync("train", "--model", Dir, "--data", transcript, "--out", Path.Combine(Dir, "t2"), "--speakers", "Patron=customer");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--speakers: 'Patron=customer' maps to 'customer'; a role must be system, user or assistant", bad.Stderr);
        Assert.False(Directory.Exists(Path.Combine(Dir, "t2")));
    }

    public void Dispose() => _tiny.Dispose();
}
