namespace NetView.Agent.Collect;

/// <summary>How a command ended; its standard output went into the caller's <see cref="OutputBuffer"/>.</summary>
internal sealed record CommandResult(CommandFailure Failure, int ExitCode, string Error)
{
    public bool Succeeded => Failure == CommandFailure.None;

    public static CommandResult Classify(int exitCode, string error)
    {
        if (exitCode == 0)
        {
            return new(CommandFailure.None, 0, error);
        }

        var denied = error.Contains("Permission denied", StringComparison.OrdinalIgnoreCase)
            || error.Contains("you must be root", StringComparison.OrdinalIgnoreCase)
            || error.Contains("Operation not permitted", StringComparison.OrdinalIgnoreCase);
        return new(denied ? CommandFailure.PermissionDenied : CommandFailure.Failed, exitCode, error);
    }
}
