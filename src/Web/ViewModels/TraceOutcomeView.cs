using NetView.Core.Analysis.Tracing;
using NetView.Core.KubeProxy;

namespace NetView.Web.ViewModels;

/// <summary>One outcome of a trace and the service ports whose chains its path went through.</summary>
public sealed record TraceOutcomeView(TraceOutcome Outcome, IReadOnlyList<ServicePort> Services);
