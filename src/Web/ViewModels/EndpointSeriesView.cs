namespace NetView.Web.ViewModels;

/// <summary>New connections per interval of one endpoint, oldest first; what the live load-balancing chart draws.</summary>
public sealed record EndpointSeriesView(string Address, IReadOnlyList<RatePoint> Points)
{
    public long Connections => Points.Sum(p => p.Connections);
}

/// <summary>Connections counted in the interval ending at <see cref="At"/>, and the rate they make.</summary>
public readonly record struct RatePoint(DateTimeOffset At, long Connections, double PerSecond);
