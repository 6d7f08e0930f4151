using System.CommandLine;
using AssistantBuilder.Engine;
using AssistantBuilder.Engine.Modeling;

namespace AssistantBuilder.Cli.Commands;

/// <summary><c>ab export</c>: base model + LoRA adapter merged into one standalone HF checkpoint.</summary>
static class ExportCommand
{
    static readonly Option<string> Model = new("--model") { Description = "Base model folder.", Required = true };
    static readonly Option<string> Adapter = new("--adapter") { Description = "PEFT LoRA adapter folder.", Required = true };
    static readonly Option<string> Out = new("--out") { Description = "Folder for the merged checkpoint (config, safetensors, tokenizer files).", Required = true };
    static readonly Option<string> Dtype = new("--dtype") { Description = "Weights dtype to write: fp32 (default, decodes exactly like base + adapter), bf16 or fp16.", DefaultValueFactory = _ => "fp32" };

    public static Command Create()
    {
        var command = new Command("export", "Merge a LoRA adapter into its base model and write a standalone Hugging Face checkpoint.") { Model, Adapter, Out, Dtype };
        command.SetAction((r, ct) => CliErrors.Run(() =>
        {
            var dtype = DeviceSelector.ComputeDtype(TorchSharp.torch.CPU, r.GetValue(Dtype));
            using var chat = ChatModel.Load(r.GetValue(Model)!, TorchSharp.torch.CPU, TorchSharp.torch.ScalarType.Float32, r.GetValue(Adapter), mergeAdapter: true);
            ModelSaver.Save(chat.Model, r.GetValue(Out)!, dtype, copyTokenizerFrom: r.GetValue(Model));
            Console.WriteLine($"merged checkpoint written to {Path.GetFullPath(r.GetValue(Out)!)}");
            return Task.FromResult(0);
        }));
        return command;
    }
}
