using System.Text;
using NetView.Agent.Collect;

namespace NetView.Agent.Tests.Shared;

/// <summary>Answers commands with canned outputs, keyed by the command line; unknown programs are "not found".</summary>
internal sealed class CannedCommandRunner : ICommandRunner
{
    private readonly Dictionary<string, (Func<string> Output, CommandResult Result)> _answers = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public List<string> Calls { get; } = [];

    public CannedCommandRunner Answer(string commandLine, string output) => Answer(commandLine, () => output);

    /// <summary>An output made at each call, e.g. counters that grow from tick to tick.</summary>
    public CannedCommandRunner Answer(string commandLine, Func<string> output) =>
        Set(commandLine, output, new CommandResult(CommandFailure.None, 0, ""));

    public CannedCommandRunner Fail(string commandLine, int exitCode, string error) =>
        Set(commandLine, () => "", CommandResult.Classify(exitCode, error));

    public Task<CommandResult> RunAsync(string file, IReadOnlyList<string> arguments, OutputBuffer output, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var commandLine = string.Join(' ', [file, .. arguments]);
        lock (_lock)
        {
            Calls.Add(commandLine);
        }

        output.Clear();
        if (!_answers.TryGetValue(commandLine, out var answer))
        {
            return Task.FromResult(new CommandResult(CommandFailure.NotFound, -1, $"{file}: not found"));
        }

        output.Append(Encoding.UTF8.GetBytes(answer.Output()));
        return Task.FromResult(answer.Result);
    }

    private CannedCommandRunner Set(string commandLine, Func<string> output, CommandResult result)
    {
        _answers[commandLine] = (output, result);
        return this;
    }
}
