using System.Globalization;
using Microsoft.AspNetCore.Hosting;

namespace AssistantBuilder.Web.FunctionalTests.Training;

/// <summary>The app with its job runner bounded to one thread; <see cref="StopWaitSeconds"/> 0 makes a shutdown as abrupt as a crash.</summary>
public sealed class JobsAppFactory : WebAppFactory
{
    public double StopWaitSeconds { get; init; } = 10;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Training:Threads", "1");
        builder.UseSetting("Training:StopWaitSeconds", StopWaitSeconds.ToString(CultureInfo.InvariantCulture));
    }
}
