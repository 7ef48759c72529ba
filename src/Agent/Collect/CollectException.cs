namespace NetView.Agent.Collect;

/// <summary>The rules could not be read; <see cref="Failure"/> tells whether retrying can help.</summary>
internal sealed class CollectException(CommandFailure failure, string message) : Exception(message)
{
    public CommandFailure Failure { get; } = failure;
}
