using AssistantBuilder.Engine.Checkpoints;

namespace AssistantBuilder.Cli.Commands;

/// <summary>A problem with what the user asked for; printed as one line, exit code 2.</summary>
sealed class UserError(string message) : Exception(message);

static class CliErrors
{
    /// <summary>Runs a command, turning bad input (files, options, checkpoints) into a one-line message on stderr.</summary>
    public static async Task<int> Run(Func<Task<int>> action)
    {
        try { return await action(); }
        catch (OperationCanceledException) { Console.Error.WriteLine("cancelled"); return 130; }
        catch (Exception ex) when (ex is UserError or CheckpointException or ArgumentException or InvalidDataException
            or NotSupportedException or FileNotFoundException or AssistantBuilder.Engine.Templates.TemplateException
            or AssistantBuilder.Core.Datasets.DatasetException or AssistantBuilder.Core.Models.HubException or AssistantBuilder.Engine.Training.ResumeException or AssistantBuilder.Engine.Training.ExampleException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 2;
        }
    }
}
