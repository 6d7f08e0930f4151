using AssistantBuilder.Testing;
using AssistantBuilder.Web.Hosting;

namespace AssistantBuilder.Web.UnitTests;

public sealed class DataPathsTests : IDisposable
{
    readonly string _dir = TempDir.Create("paths");
    public void Dispose() => TempDir.Delete(_dir);

    [Fact]
    public void Paths_inside_the_data_directory_are_stored_relative_so_the_folder_can_move()
    {
        var paths = new DataPaths(_dir, []);
        var adapter = Path.Combine(_dir, "jobs", "abc", "adapter");
        Assert.Equal(Path.Combine("jobs", "abc", "adapter"), paths.ToStored(adapter));
        Assert.Equal(adapter, paths.Resolve(paths.ToStored(adapter)));
    }

    [Fact]
    public void Paths_outside_it_stay_absolute()
    {
        var paths = new DataPaths(_dir, []);
        Assert.Equal("/opt/models/x", paths.ToStored("/opt/models/x"));
        Assert.Equal("/opt/models/x", paths.Resolve("/opt/models/x"));
    }

    [Fact]
    public void The_data_directory_gets_its_folders_and_missing_model_roots_are_dropped()
    {
        var paths = new DataPaths(Path.Combine(_dir, "new"), [Path.Combine(_dir, "missing"), _dir]);
        Assert.True(Directory.Exists(paths.Datasets) && Directory.Exists(paths.Jobs) && Directory.Exists(paths.Models));
        Assert.Equal([Path.GetFullPath(_dir)], paths.ShippedModelRoots);
    }
}
