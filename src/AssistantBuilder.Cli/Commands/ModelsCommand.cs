using System.CommandLine;
using System.Text.Json;
using AssistantBuilder.Core.Models;

namespace AssistantBuilder.Cli.Commands;

/// <summary><c>ab models pull</c> and <c>ab models list</c>: fetch Hugging Face models from the Hub, and see which are here.</summary>
static class ModelsCommand
{
    static readonly Argument<string> Repo = new("REPO_ID") { Description = "The Hub repository, such as HuggingFaceTB/SmolLM2-135M-Instruct." };
    static readonly Option<string> Revision = new("--revision") { Description = "Branch, tag or commit to fetch.", DefaultValueFactory = _ => "main" };
    static readonly Option<string?> Out = new("--out") { Description = "Model folder to create (default: DATA_DIR/models/ORG--NAME)." };
    static readonly Option<string?> Endpoint = new("--endpoint") { Description = $"Hub URL (default: $HF_ENDPOINT, else {HubSettings.DefaultEndpoint})." };
    static readonly Option<string?> Token = new("--token") { Description = "Hub access token for gated or private repositories (default: $HF_TOKEN)." };
    static readonly Option<string?> PullDataDir = DataDirectory.Option();
    static readonly Option<bool> PullJson = CommonOptions.Json("Print JSON lines: start, file_start, progress, retry, file_done and done events.");
    static readonly Option<string?> ListDataDir = DataDirectory.Option();
    static readonly Option<bool> ListJson = CommonOptions.Json("Print one JSON object: the folders searched and each model found.");

    public static Command Create()
    {
        var models = new Command("models", "Download Hugging Face models from the Hub and list the models here.");
        models.Subcommands.Add(Pull());
        models.Subcommands.Add(List());
        return models;
    }

    static Command Pull()
    {
        var command = new Command("pull", "Download a model's config, tokenizer and safetensors weights from the Hugging Face Hub, resumably and checksum-verified.")
        {
            Repo, Revision, Out, Endpoint, Token, PullDataDir, PullJson,
        };
        command.SetAction((r, ct) => CliErrors.Run(async () =>
        {
            string repo = r.GetValue(Repo)!;
            var options = new PullOptions
            {
                Revision = r.GetValue(Revision)!,
                OutDir = r.GetValue(Out) ?? Path.Combine(DataDirectory.Resolve(r.GetValue(PullDataDir)), "models", PullOptions.FolderName(repo)),
            };
            using var client = new HubClient(HubSettings.Resolve(r.GetValue(Endpoint), r.GetValue(Token)));
            var downloader = new ModelDownloader(client);
            if (r.GetValue(PullJson))
            {
                await downloader.PullAsync(repo, options, e => Console.WriteLine(JsonSerializer.Serialize(e, JsonDefaults.Snake)), ct);
                return 0;
            }
            var done = await PullProgress.RunAsync(report => downloader.PullAsync(repo, options, report, ct));
            Console.WriteLine($"done: {repo} in {done.Path} ({done.Files} files, {done.Bytes / 1048576.0:F1} MiB, {done.Seconds:F1} s)");
            return 0;
        }));
        return command;
    }

    static Command List()
    {
        var command = new Command("list", "List the model folders in the data directory's models/ and in data/models/, with architecture, size and dtype, or why one is not usable.")
        {
            ListDataDir, ListJson,
        };
        command.SetAction((r, ct) => CliErrors.Run(() =>
        {
            var roots = DataDirectory.ModelRoots(r.GetValue(ListDataDir)).Select(Path.GetFullPath).Distinct().ToList();
            var models = LocalModels.Scan(roots);
            Console.WriteLine(r.GetValue(ListJson)
                ? JsonSerializer.Serialize(new { searched = roots, models }, JsonDefaults.Snake)
                : ModelTable.Render(roots, models));
            return Task.FromResult(0);
        }));
        return command;
    }
}
