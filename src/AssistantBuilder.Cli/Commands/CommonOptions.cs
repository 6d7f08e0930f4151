using System.CommandLine;

namespace AssistantBuilder.Cli.Commands;

static class CommonOptions
{
    public static Option<string> Device() => new("--device")
    {
        Description = "Where to run: auto (CUDA when available), cpu or cuda[:N].",
        DefaultValueFactory = _ => "auto",
    };

    public static Option<bool> Json(string what) => new("--json") { Description = what };
}
