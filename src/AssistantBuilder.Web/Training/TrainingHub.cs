using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace AssistantBuilder.Web.Training;

/// <summary>
/// Live job progress at /hubs/training (operators only). A client calls <c>JoinJob(id)</c> to receive that job's
/// <c>JobEvent</c> (<see cref="JobEventDto"/>) and <c>JobProgress</c> (<see cref="JobProgressDto"/>) messages, or
/// <c>WatchAll()</c> for every job's <c>JobProgress</c>.
/// </summary>
[Authorize]
public sealed class TrainingHub(TrainingJobs jobs) : Hub
{
    public const string Path = "/hubs/training";
    public const string AllJobs = "jobs";

    public static string JobGroup(Guid id) => $"job:{id:N}";

    /// <summary>Joins the job's group and answers the job as it stands (null for an unknown job).</summary>
    public async Task<JobDto?> JoinJob(Guid jobId)
    {
        var job = await jobs.GetAsync(jobId, Context.ConnectionAborted);
        if (job is not null) await Groups.AddToGroupAsync(Context.ConnectionId, JobGroup(jobId));
        return job;
    }

    public Task LeaveJob(Guid jobId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, JobGroup(jobId));

    public Task WatchAll() => Groups.AddToGroupAsync(Context.ConnectionId, AllJobs);
}
