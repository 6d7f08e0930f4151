using System.Text.Json;

namespace AssistantBuilder.Cli.Commands;

/// <summary>generation_config.json for a model built here: stop at the end of the turn, sample gently.</summary>
static class GenerationDefaults
{
    public static void Write(string directory, int eosTokenId) =>
        File.WriteAllText(Path.Combine(directory, "generation_config.json"), JsonSerializer.Serialize(new
        {
            eos_token_id = eosTokenId, do_sample = true, temperature = 0.7, top_p = 0.9, repetition_penalty = 1.1, max_new_tokens = 128,
        }, new JsonSerializerOptions { WriteIndented = true }));
}
