using System.Runtime.InteropServices;

namespace AssistantBuilder.Cli.Commands;

/// <summary>
/// A token cancelled by Ctrl-C (SIGINT) or SIGTERM (docker stop, kill) as well as by the command line's own token,
/// so that a long run can stop gracefully (training writes a checkpoint first) instead of being killed.
/// </summary>
sealed class StopSignals : IDisposable
{
    readonly CancellationTokenSource _stop;
    readonly PosixSignalRegistration _sigint, _sigterm;

    public StopSignals(CancellationToken commandLine)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(commandLine);
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    }

    public CancellationToken Token => _stop.Token;

    void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        _stop.Cancel();
    }

    public void Dispose()
    {
        _sigint.Dispose();
        _sigterm.Dispose();
        _stop.Dispose();
    }
}
