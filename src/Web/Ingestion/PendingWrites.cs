using NetView.Web.Storage;

namespace NetView.Web.Ingestion;

/// <summary>
/// History points waiting for the store writer. Bounded: when the store falls behind, the oldest
/// points are dropped (and counted) rather than memory growing without limit.
/// </summary>
internal sealed class PendingWrites(int capacity)
{
    private readonly Lock _gate = new();
    private List<StoredSample> _samples = [];

    public long Dropped { get; private set; }

    public void Add(StoredSample sample)
    {
        lock (_gate)
        {
            if (_samples.Count >= capacity)
            {
                var drop = capacity / 2;
                _samples.RemoveRange(0, drop);
                Dropped += drop;
            }

            _samples.Add(sample);
        }
    }

    public List<StoredSample> Take()
    {
        lock (_gate)
        {
            var taken = _samples;
            _samples = [];
            return taken;
        }
    }
}
