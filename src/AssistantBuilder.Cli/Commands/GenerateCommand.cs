using System.CommandLine;

namespace AssistantBuilder.Cli.Commands;

static class GenerateCommand
{
    public static Command Create() => new("generate", "Generate text with a Hugging Face model folder.");
}
