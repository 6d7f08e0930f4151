using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace AssistantBuilder.Core.Comparison;

/// <summary>
/// LLM-as-judge through Semantic Kernel: a (larger, external) model rates an answer against the reference from 1
/// (wrong or unhelpful) to 5 (as correct and complete as the reference), via a prompt template; the first digit 1–5
/// of its reply is the score (null when it gives none).
/// </summary>
public sealed partial class LlmJudge(IChatCompletionService service, Kernel kernel)
{
    public const string Template = """
        You grade a support assistant's answer against a reference answer.
        Question: {{$question}}
        Reference answer: {{$reference}}
        Assistant's answer: {{$answer}}
        Score the assistant's answer from 1 (wrong or unhelpful) to 5 (as correct and complete as the reference).
        Reply with the score digit only.
        """;

    readonly IPromptTemplate _template = new KernelPromptTemplateFactory { AllowDangerouslySetContent = true }.Create(new PromptTemplateConfig(Template) { AllowDangerouslySetContent = true });

    public static LlmJudge For(ExternalModel model)
    {
        var contestant = model.Contestant(4);
        return new LlmJudge(contestant.Service, contestant.Kernel!);
    }

    [GeneratedRegex("[1-5]")]
    private static partial Regex Digit();

    public async Task<int?> ScoreAsync(string question, string reference, string answer, CancellationToken ct = default)
    {
        var prompt = await _template.RenderAsync(kernel, new KernelArguments { ["question"] = question, ["reference"] = reference, ["answer"] = answer }, ct);
        var history = new ChatHistory();
        history.AddUserMessage(prompt);
        var reply = await service.GetChatMessageContentAsync(history, new OpenAIPromptExecutionSettings { Temperature = 0, MaxTokens = 4 }, kernel, ct);
        var match = Digit().Match(reply.Content ?? "");
        return match.Success ? match.Value[0] - '0' : null;
    }
}
