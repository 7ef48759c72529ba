namespace NetView.Core.Iptables.Parsing;

/// <summary>
/// Decodes plain rules of one input on first use, and keeps memory bounded while doing it: only
/// the specs of the last <see cref="KeptSpecs"/> rules decoded stay attached to their rules, and
/// the first <see cref="PoolWords"/> distinct words are shared between decoded rules (kube-proxy's
/// option names, modules, ports, probabilities); words after those are forgotten after each rule.
/// An analysis reads a rule's parts one after the other, so what it reads again is nearly always
/// still there; a rule read long after is decoded again. Kept specs that outlive a collection are
/// promoted garbage later, so few are kept: 16,384 cost 30 MB of peak RSS on 300,000 rules.
/// Safe to use from several threads.
/// </summary>
internal sealed class RuleDecoder
{
    private const int KeptSpecs = 1 << 10;
    private const int PoolWords = 1 << 13;
    private const int SharedMatchLists = 1 << 10;

    private readonly object _gate = new();
    private readonly int _length;
    private readonly (RuleRows? Rows, int Index)[] _kept = new (RuleRows?, int)[KeptSpecs];
    private int _next;
    private StringPool? _pool;
    private RuleSpecReader? _reader;

    public RuleDecoder(byte[] source, int length)
    {
        Source = source;
        _length = length;
    }

    /// <summary>The input the rules are slices of.</summary>
    public byte[] Source { get; }

    public RuleSpec Decode(RuleRows rows, int index)
    {
        lock (_gate)
        {
            if (_reader is null)
            {
                _pool = new StringPool(Source, _length, PoolWords * 2);
                _reader = new RuleSpecReader(Source, _pool, SharedMatchLists);
            }

            ref var row = ref rows[index];
            if (row.Spec is { } kept)
            {
                return kept; // another thread decoded it meanwhile
            }

            var mark = _pool!.Mark;
            _reader.Read(row.TextStart, row.TextStart + row.TextLength);
            var spec = _reader.ToSpec();
            if (_pool.Count > PoolWords)
            {
                _pool.Forget(mark);
            }

            ref var slot = ref _kept[_next];
            if (slot.Rows is { } previous)
            {
                previous[slot.Index].Spec = null;
            }

            slot = (rows, index);
            row.Spec = spec;
            _next = (_next + 1) & (KeptSpecs - 1);
            return spec;
        }
    }
}
