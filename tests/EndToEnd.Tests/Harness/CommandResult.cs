namespace NetView.EndToEnd.Tests.Harness;

/// <summary>Exit code and captured output of a command the harness ran.</summary>
public sealed record CommandResult(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Throws with the command and its stderr when the exit code is not 0.</summary>
    public CommandResult EnsureSuccess()
    {
        if (ExitCode != 0)
        {
            throw new InvalidOperationException($"`{Command}` exited with {ExitCode}: {StandardError.Trim()} {StandardOutput.Trim()}");
        }

        return this;
    }
}
