using AssistantBuilder.Engine.Training;

namespace AssistantBuilder.Engine.Tests.Training;

public sealed class TrainingHeapTests
{
    [Fact]
    public void Tunes_glibc_malloc_on_Linux()
    {
        Assert.Equal(OperatingSystem.IsLinux(), TrainingHeap.Configure());
        Assert.Equal(OperatingSystem.IsLinux(), TrainingHeap.Configure()); // idempotent
    }
}
