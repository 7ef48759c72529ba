using BenchmarkDotNet.Running;

namespace NetView.Benchmarks;

internal static class BenchmarkProgram
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "generate")
        {
            return GenerateCommand.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "agent-tick")
        {
            return AgentTickCommand.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "phases")
        {
            return PhasesCommand.Run(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
