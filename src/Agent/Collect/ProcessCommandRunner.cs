using System.ComponentModel;
using System.Diagnostics;

namespace NetView.Agent.Collect;

/// <summary>Runs a real process with a timeout, reading standard output as bytes (never decoded on the hot path).</summary>
internal sealed class ProcessCommandRunner(TimeProvider time) : ICommandRunner
{
    private const int MaxErrorChars = 4096;

    public async Task<CommandResult> RunAsync(string file, IReadOnlyList<string> arguments, OutputBuffer output, TimeSpan timeout, CancellationToken cancellationToken)
    {
        output.Clear();
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LC_ALL"] = "C";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception(2);
        }
        catch (Win32Exception e)
        {
            var missing = e.NativeErrorCode == 2;
            return new CommandResult(missing ? CommandFailure.NotFound : CommandFailure.Failed, -1, $"{file}: {(missing ? "not found" : e.Message)}");
        }

        using (process)
        using (var deadline = new CancellationTokenSource(timeout, time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token))
        {
            var error = process.StandardError.ReadToEndAsync(linked.Token);
            try
            {
                var complete = await output.ReadToEndAsync(process.StandardOutput.BaseStream, linked.Token);
                if (!complete)
                {
                    process.Kill(entireProcessTree: true);
                    return new CommandResult(CommandFailure.TooLarge, -1, $"{file}: output is larger than {OutputBuffer.MaxBytes} bytes");
                }

                await process.WaitForExitAsync(linked.Token);
                var text = await error;
                return CommandResult.Classify(process.ExitCode, text.Length > MaxErrorChars ? text[..MaxErrorChars] : text.Trim());
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                return new CommandResult(CommandFailure.TimedOut, -1, $"{file} did not finish within {timeout.TotalSeconds:0} s");
            }
        }
    }
}
