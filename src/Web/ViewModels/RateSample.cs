namespace NetView.Web.ViewModels;

/// <summary>A counter's growth per second between two readings, stamped with the later reading's time.</summary>
public readonly record struct RateSample(DateTimeOffset At, double PerSecond);
