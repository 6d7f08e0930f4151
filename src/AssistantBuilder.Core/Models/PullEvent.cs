using System.Text.Json.Serialization;

namespace AssistantBuilder.Core.Models;

/// <summary>What a pull reports as it goes; <c>ab models pull --json</c> prints each as one JSON line.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "event")]
[JsonDerivedType(typeof(PullStarted), "start")]
[JsonDerivedType(typeof(FileStarted), "file_start")]
[JsonDerivedType(typeof(FileProgress), "progress")]
[JsonDerivedType(typeof(FileRetry), "retry")]
[JsonDerivedType(typeof(FileDone), "file_done")]
[JsonDerivedType(typeof(PullDone), "done")]
public abstract record PullEvent;

/// <summary>The files to fetch are known; sizes are null where the Hub did not list them.</summary>
public sealed record PullStarted(string Repo, string Revision, string Commit, string Out, IReadOnlyList<PlannedFile> Files, long? TotalBytes) : PullEvent;

public sealed record PlannedFile(string Name, long? Size);

/// <summary>A file's transfer begins; <c>ResumedFrom</c> bytes were already there from an earlier attempt.</summary>
public sealed record FileStarted(string File, long? Size, long ResumedFrom) : PullEvent;

public sealed record FileProgress(string File, long Downloaded, long? Size) : PullEvent;

/// <summary>A transfer broke off; the next attempt resumes where it stopped.</summary>
public sealed record FileRetry(string File, int Attempt, string Error) : PullEvent;

/// <summary>A file is complete and checked: <c>Verified</c> is sha256, git-sha1 or size; <c>Cached</c> when an earlier pull already had it.</summary>
public sealed record FileDone(string File, long Size, string Verified, bool Cached) : PullEvent;

public sealed record PullDone(string Path, int Files, long Bytes, double Seconds) : PullEvent;
