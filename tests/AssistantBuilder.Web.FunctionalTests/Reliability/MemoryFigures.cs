using System.Diagnostics;

namespace AssistantBuilder.Web.FunctionalTests.Reliability;

/// <summary>The test process's memory after a full garbage collection: managed heap and resident set (native included).</summary>
public sealed record MemoryFigures(long ManagedBytes, long ProcessBytes)
{
    public static MemoryFigures Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new MemoryFigures(managed, process.WorkingSet64);
    }

    public override string ToString() => $"managed {ManagedBytes / (1 << 20)} MB, process RSS {ProcessBytes / (1 << 20)} MB";
}
