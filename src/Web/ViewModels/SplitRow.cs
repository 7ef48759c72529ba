namespace NetView.Web.ViewModels;

/// <summary>One endpoint in the expected-versus-observed split: the share its rules give and what the counters saw.</summary>
public sealed record SplitRow(string Address, double Expected, long Observed, double? ObservedShare);
