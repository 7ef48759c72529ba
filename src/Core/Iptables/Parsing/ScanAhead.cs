namespace NetView.Core.Iptables.Parsing;

/// <summary>
/// Scans the <c>-A</c> lines of a big input (<see cref="PlainRule.TryScan"/>) on another core,
/// ahead of the reader. The scan is a pure function of the line and a fifth of a big dump's
/// parse; the reader, which must place rules one after the other, takes the results in input
/// order from a small ring instead of scanning. Bounded: at most <see cref="Ahead"/> lines ahead.
/// Both sides find the lines the same way (<see cref="DumpReader.NextLine"/>, <see cref="DumpReader.IsAppendLine"/>).
/// </summary>
internal sealed class ScanAhead : IDisposable
{
    /// <summary>Below this, a thread costs more than it saves.</summary>
    public const int MinimumInput = 4 << 20;

    private const int Ahead = 4096;

    private readonly byte[] _source;
    private readonly int _start;
    private readonly int _length;
    private readonly Scan[] _ring = new Scan[Ahead];
    private readonly Thread _thread;
    private long _produced;
    private long _consumed;
    private volatile bool _done;
    private volatile bool _stopped;
    private Exception? _failure;

    private ScanAhead(byte[] source, int start, int length)
    {
        (_source, _start, _length) = (source, start, length);
        _thread = new Thread(Run) { IsBackground = true, Name = "netview scan-ahead" };
        _thread.Start();
    }

    private struct Scan
    {
        public int Start;
        public bool Plain;
        public PlainRule Rule;
    }

    /// <summary>A scanner for <c>source[start..length)</c>, or null when the input is small or there is one core.</summary>
    public static ScanAhead? For(byte[] source, int start, int length) =>
        length - start >= MinimumInput && Environment.ProcessorCount > 1 ? new ScanAhead(source, start, length) : null;

    /// <summary>The scan of the next <c>-A</c> line, which starts at <paramref name="start"/>: what <see cref="PlainRule.TryScan"/> says of it.</summary>
    public bool Take(int start, out PlainRule rule)
    {
        var index = _consumed;
        var spin = new SpinWait();
        while (Volatile.Read(ref _produced) <= index)
        {
            if (_done && Volatile.Read(ref _produced) <= index)
            {
                throw new InvalidOperationException("the scan-ahead ended before the reader", _failure);
            }

            spin.SpinOnce(sleep1Threshold: -1);
        }

        ref var scan = ref _ring[index & (Ahead - 1)];
        if (scan.Start != start)
        {
            throw new InvalidOperationException($"the scan-ahead is at byte {scan.Start}, the reader at {start}");
        }

        rule = scan.Rule;
        var plain = scan.Plain;
        Volatile.Write(ref _consumed, index + 1);
        return plain;
    }

    public void Dispose()
    {
        _stopped = true;
        _thread.Join();
    }

    private void Run()
    {
        try
        {
            var position = _start;
            var produced = 0L;
            while (position < _length && !_stopped)
            {
                var (start, end, next) = DumpReader.NextLine(_source, position, _length);
                position = next;
                if (!DumpReader.IsAppendLine(_source, start, end))
                {
                    continue;
                }

                var spin = new SpinWait();
                while (produced - Volatile.Read(ref _consumed) >= Ahead)
                {
                    if (_stopped)
                    {
                        return;
                    }

                    spin.SpinOnce(sleep1Threshold: -1);
                }

                ref var scan = ref _ring[produced & (Ahead - 1)];
                scan.Start = start;
                scan.Plain = PlainRule.TryScan(_source, start, end, out scan.Rule);
                Volatile.Write(ref _produced, ++produced);
            }
        }
        catch (Exception e)
        {
            _failure = e;
        }
        finally
        {
            _done = true;
        }
    }
}
