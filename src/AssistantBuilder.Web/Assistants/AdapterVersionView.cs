using AssistantBuilder.Data;

namespace AssistantBuilder.Web.Assistants;

/// <summary>One adapter version of an assistant; <see cref="Live"/> is the one served now.</summary>
public sealed record AdapterVersionView(Guid Id, int Number, Guid? JobId, string? JobName, string AdapterDir, string Notes, DateTime CreatedAt, bool Live)
{
    public static AdapterVersionView From(AdapterVersion v, Guid? activeId, string? jobName) =>
        new(v.Id, v.Number, v.JobId, jobName, v.AdapterDir, v.Notes, v.CreatedAt, v.Id == activeId);
}
