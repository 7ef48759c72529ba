using NetView.Core.Iptables.Parsing;

namespace NetView.Core.Iptables;

/// <summary>
/// The rules of one rule set as rows of one array, grouped by chain: a <see cref="Rule"/> is a
/// view of a row, made when asked for. 300,000 rule objects built while parsing were most of the
/// parser's time in the garbage collector (each was copied twice on its way to the oldest
/// generation); one large array is allocated once and never moved.
/// </summary>
internal sealed class RuleRows
{
    private Row[] _rows;

    // Packets and bytes of row i at 2i and 2i+1, only once the input has shown counters: a dump
    // saved without -c (most pasted ones) does not pay 16 bytes a rule for zeros.
    private long[]? _counters;

    /// <param name="capacity">How many rules to make room for at once (the input's line count bounds it).</param>
    /// <param name="decoder">Decodes rules kept only as a slice of the input; null when every rule is read in full.</param>
    public RuleRows(int capacity, RuleDecoder? decoder)
    {
        _rows = new Row[Math.Max(16, capacity)];
        Decoder = decoder;
    }

    public RuleDecoder? Decoder { get; }

    public int Count { get; private set; }

    /// <summary>True when some chain's rules are not consecutive rows (a hand-edited paste); <see cref="Regroup"/> mends it.</summary>
    public bool Scattered { get; set; }

    public ref Row this[int index] => ref _rows[index];

    /// <summary>
    /// A view of row <paramref name="index"/>, made at every read and never kept: 32 bytes that die
    /// young. Kept views (and the lists of them each service port held) were 15 MB of the 110 MB an
    /// analysis of 300,000 rules keeps alive (BENCHMARKS.md, session 5). Views of a row are equal.
    /// </summary>
    public Rule View(int index) => new(this, index);

    /// <summary>Row <paramref name="index"/>'s text as UTF-8 bytes of the input, when it is a slice of it (see <see cref="Rule.TryGetTextSlice"/>).</summary>
    public bool TryGetTextSlice(int index, out byte[] source, out int start, out int length)
    {
        ref var row = ref _rows[index];
        (source, start, length) = (Decoder?.Source!, row.TextStart, row.TextLength);
        return Decoder is not null && row.Spec?.Text is null;
    }

    /// <summary>Whether the row's target carries options (then the row holds only its name and kind).</summary>
    public static bool TargetHasOptions(in Row row) => (row.Flags & RowFlags.TargetHasOptions) != 0;

    public int Add(in Row row, Counters? counters)
    {
        if (Count == _rows.Length)
        {
            Array.Resize(ref _rows, _rows.Length * 2);
            if (_counters is not null)
            {
                Array.Resize(ref _counters, _rows.Length * 2);
            }
        }

        _rows[Count] = row;
        if (counters is { } value)
        {
            _counters ??= new long[_rows.Length * 2];
            (_counters[2 * Count], _counters[(2 * Count) + 1]) = (value.Packets, value.Bytes);
            _rows[Count].Flags |= RowFlags.Counters | (value.Approximate ? RowFlags.ApproximateCounters : 0);
        }

        return Count++;
    }

    /// <summary>The counters of row <paramref name="index"/>, null when the input had none for it.</summary>
    public Counters? CountersOf(int index)
    {
        var flags = _rows[index].Flags;
        return (flags & RowFlags.Counters) == 0 ? null
            : new Counters(_counters![2 * index], _counters[(2 * index) + 1], (flags & RowFlags.ApproximateCounters) != 0);
    }

    /// <summary>
    /// Puts each chain's rules in consecutive rows, keeping their order, when the input interleaved
    /// chains. Called once, before any rule is handed out as a view.
    /// </summary>
    public void Regroup(IReadOnlyList<Table> tables)
    {
        if (!Scattered)
        {
            return;
        }

        var grouped = new Row[_rows.Length];
        var counters = _counters is null ? null : new long[_counters.Length];
        var next = 0;
        var fill = new Dictionary<Chain, int>(ReferenceEqualityComparer.Instance);
        foreach (var table in tables)
        {
            foreach (var chain in table.Chains)
            {
                fill[chain] = next;
                chain.MoveRules(next);
                next += chain.RuleCount;
            }
        }

        for (var i = 0; i < Count; i++)
        {
            ref var row = ref _rows[i];
            var to = fill[row.Chain]++;
            grouped[to] = row;
            if (counters is not null)
            {
                (counters[2 * to], counters[(2 * to) + 1]) = (_counters![2 * i], _counters[(2 * i) + 1]);
            }
        }

        (_rows, _counters) = (grouped, counters);
        Scattered = false;
    }

    /// <summary>
    /// One rule: where it sits and where its text lies, its target and, once decoded, its parts
    /// (40 bytes; its number in the chain is its place among the chain's rows, <see cref="Rule.Number"/>).
    /// </summary>
    internal struct Row
    {
        // The scan's parts use the low 24 bits (RuleRowTests checks they fit), the flags the high 8.
        private const uint PartsMask = 0x00FF_FFFF;
        private uint _partsAndFlags;

        public Chain Chain;

        /// <summary>
        /// The target's name; its kind is in <see cref="Flags"/>. No target object per row or per
        /// chain jumped to (106,000 for a big dump, 4 MB): <see cref="Rule.Target"/> makes one when asked.
        /// </summary>
        public string TargetName;

        /// <summary>The decoded rule: kept for good with <see cref="RowFlags.ReadInFull"/>, else while the decoder keeps it.</summary>
        public RuleSpec? Spec;

        public int TextStart;
        public int TextLength;
        public int Line;

        /// <summary>What a plain rule holds, as its scan saw; <see cref="RuleParts.None"/> when unknown.</summary>
        public RuleParts Parts
        {
            readonly get => (RuleParts)(_partsAndFlags & PartsMask);
            set => _partsAndFlags = (_partsAndFlags & ~PartsMask) | ((uint)value & PartsMask);
        }

        public RowFlags Flags
        {
            readonly get => (RowFlags)(_partsAndFlags >> 24);
            set => _partsAndFlags = (_partsAndFlags & PartsMask) | ((uint)value << 24);
        }
    }

    [Flags]
    internal enum RowFlags : byte
    {
        None = 0,
        Counters = 1,
        ApproximateCounters = 2,
        TargetHasOptions = 4,

        /// <summary>Read in full while parsing (not plain, or a listing row): <see cref="Row.Spec"/> is never dropped.</summary>
        ReadInFull = 8,

        /// <summary><c>-j</c> (<see cref="TargetKind.Jump"/>); with neither this nor <see cref="TargetGoto"/> the rule has no target.</summary>
        TargetJump = 16,

        /// <summary><c>-g</c> (<see cref="TargetKind.Goto"/>).</summary>
        TargetGoto = 32,
    }

    public static RowFlags FlagOf(TargetKind kind) => kind switch
    {
        TargetKind.Jump => RowFlags.TargetJump,
        TargetKind.Goto => RowFlags.TargetGoto,
        _ => RowFlags.None,
    };

    public static TargetKind TargetKindOf(in Row row) =>
        (row.Flags & RowFlags.TargetJump) != 0 ? TargetKind.Jump : (row.Flags & RowFlags.TargetGoto) != 0 ? TargetKind.Goto : TargetKind.None;

    /// <summary>Gives a row its target (a deferred one, once its batch is resolved).</summary>
    public static void SetTarget(ref Row row, string name, TargetKind kind)
    {
        row.TargetName = name;
        row.Flags = (row.Flags & ~(RowFlags.TargetJump | RowFlags.TargetGoto)) | FlagOf(kind);
    }
}
