using NetView.Agent.Cli;

return await CommandLine.RunAsync(args);
