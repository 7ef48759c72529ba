namespace NetView.Agent.Collect;

/// <summary>
/// Keeps reading the rules from eating the node: the effective interval is the configured one,
/// or <see cref="CostFactor"/> times the smoothed read time when that is longer (nf_tables
/// needs seconds per read at 100,000 rules; docs/DESIGN.md "Data flow and cost"). The timeout
/// leaves iptables-save plenty of room, since a killed read costs as much and gives nothing.
/// </summary>
internal sealed class IntervalGovernor
{
    /// <summary>Reads take at most a fifth of the agent's wall time.</summary>
    public const int CostFactor = 5;

    private static readonly TimeSpan MaxInterval = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMinutes(2);

    private readonly TimeSpan _configured;
    private double _smoothedSeconds = -1;

    public IntervalGovernor(TimeSpan configured)
    {
        _configured = configured;
        Effective = configured;
    }

    public TimeSpan Configured => _configured;

    public TimeSpan Effective { get; private set; }

    public TimeSpan LastRead { get; private set; }

    public TimeSpan Timeout => TimeSpan.FromSeconds(Math.Max(MinTimeout.TotalSeconds, 4 * Math.Max(_smoothedSeconds, 0)));

    public void Record(TimeSpan read)
    {
        LastRead = read;
        _smoothedSeconds = _smoothedSeconds < 0 ? read.TotalSeconds : (0.7 * _smoothedSeconds) + (0.3 * read.TotalSeconds);
        var wanted = TimeSpan.FromSeconds(Math.Ceiling(_smoothedSeconds * CostFactor * 10) / 10);
        Effective = wanted > _configured ? (wanted < MaxInterval ? wanted : MaxInterval) : _configured;
    }
}
