namespace AssistantBuilder.Web.Compare;

/// <summary>Where an evaluation run stands.</summary>
public enum EvaluationState { Running, Done, Failed }
