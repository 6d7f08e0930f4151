using System.CommandLine;
using AssistantBuilder.Cli.Commands;

var root = new RootCommand("ab: AssistantBuilder's command line: run, fine-tune and measure chat models in Hugging Face format.");
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(PretrainCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(TokenizerCommand.Create());
root.Subcommands.Add(ModelsCommand.Create());
root.Subcommands.Add(CompareCommand.Create());
root.Subcommands.Add(WorkerCommand.Create());
return await root.Parse(args).InvokeAsync();
