namespace NetView.Core.Iptables.Parsing;

/// <summary>
/// Reads a whole input line by line. Every line is classified on its own (save, <c>-S</c>,
/// listing, prompt, elision, prose), so pasted inputs that mix shapes still yield what they
/// hold; the format reported is the one most of the input had.
/// </summary>
internal sealed partial class DumpReader
{
    private const int MaxDiagnostics = 1000;

    private readonly byte[] _source;
    private readonly int _length;
    private readonly RuleSet _set = new();
    private readonly StringPool _pool;
    private readonly RuleSpecReader _rules;
    private readonly ListingReader _listing;
    private readonly RuleDecoder _decoder;
    private readonly RepeatedWord _chains;
    private readonly List<(int Rule, string Target, Table Table)> _unresolvedJumps = [];
    private readonly RuleRows _rows;
    // Declarations counted before each *table line, then all of them: table i declares [i+1] - [i].
    private readonly List<int> _declarationsAtTables = [];
    private int _tablesBegun;
    private int _diagnosticCount;
    private int _droppedDiagnostics;
    private int _lineNumber;
    private int _lineStart;
    private int _lineEnd;
    private int _recognised;
    private int _firstUnrecognisedLine;
    private string? _firstUnrecognisedReason;

    // What the input looked like.
    private bool _sawTableHeader;
    private bool _sawSaveCounters;
    private bool _sawSpecs;
    private bool _sawInferred;
    private bool _sawListing;

    // Where rules go.
    private Table? _table;
    private bool _tableCommitted = true;
    private int _tableLine;

    public DumpReader(byte[] source, int length)
    {
        _source = source;
        _length = length;
        // Plain rules intern only their chain and target here, so the pool holds little more than the
        // chains: room for every declared one at once saves growing a table of 100,000 words twice.
        var (rules, declarations) = CountLines(new ReadOnlySpan<byte>(source, 0, length), _declarationsAtTables);
        _pool = new StringPool(source, length, Math.Max(length / 512, declarations * 5 / 4));
        _rules = new RuleSpecReader(source, _pool);
        _decoder = new RuleDecoder(source, length);
        // Room for every save-form rule at once, so that one array is allocated once (listings,
        // which have none, grow it as they go).
        _rows = new RuleRows(rules + 1, _decoder);
        _set.Rows = _rows;
        _chains = new RepeatedWord(source, _pool);
        _listing = new ListingReader(this);
    }

    public RuleSet Read()
    {
        var source = _source;
        var position = 0;
        if (_length >= 3 && source[0] == 0xEF && source[1] == 0xBB && source[2] == 0xBF)
        {
            position = 3; // UTF-8 byte order mark from an editor
        }

        while (position < _length)
        {
            var newline = Array.IndexOf(source, (byte)'\n', position, _length - position);
            var end = newline < 0 ? _length : newline;
            _lineNumber++;
            ReadLine(position, TrimEnd(position, end));
            position = end + 1;
        }

        Finish();
        return _set;
    }

    /// <summary>
    /// Lines that start a save-form rule (<c>-A </c>, or <c>[</c> counters before it) and chain
    /// declarations (<c>:</c>), in one pass; <paramref name="declarationsAtTables"/> gets the count of
    /// declarations before each <c>*table</c> line and, last, the total.
    /// </summary>
    private static (int Rules, int Declarations) CountLines(ReadOnlySpan<byte> input, List<int> declarationsAtTables)
    {
        var (rules, declarations) = (0, 0);
        while (!input.IsEmpty)
        {
            switch (input[0])
            {
                case (byte)'-' when input.Length > 2 && input[1] == (byte)'A' && input[2] == (byte)' ':
                case (byte)'[':
                    rules++;
                    break;
                case (byte)':':
                    declarations++;
                    break;
                case (byte)'*':
                    declarationsAtTables.Add(declarations);
                    break;
            }

            var newline = input.IndexOf((byte)'\n');
            input = newline < 0 ? [] : input[(newline + 1)..];
        }

        declarationsAtTables.Add(declarations);
        return (rules, declarations);
    }

    private int TrimEnd(int start, int end)
    {
        while (end > start && _source[end - 1] is (byte)'\r' or (byte)' ' or (byte)'\t')
        {
            end--;
        }

        return end;
    }

    private void ReadLine(int start, int end)
    {
        var source = _source;
        _lineStart = start;
        _lineEnd = end;
        if (start == end)
        {
            return;
        }

        var first = source[start];
        if (first == (byte)'-' && end - start > 3 && source[start + 1] == (byte)'A' && source[start + 2] == (byte)' ')
        {
            FlushPolicies();
            AddRule(start, end, null);
            return;
        }

        if (first == (byte)'[' && TryReadCounterPrefix(start, end))
        {
            return;
        }

        var indent = start;
        while (indent < end && source[indent] is (byte)' ' or (byte)'\t')
        {
            indent++;
        }

        if (_listing.TryRead(start, indent, end))
        {
            _recognised++;
            _sawListing = true;
            return;
        }

        var line = new ReadOnlySpan<byte>(source, indent, end - indent);
        switch (line[0])
        {
            case (byte)'#':
                ReadComment(line);
                return;
            case (byte)'*':
                FlushPolicies();
                BeginTable(indent, end);
                return;
            case (byte)':':
                FlushPolicies();
                DeclareChain(indent, end);
                return;
            case (byte)'-':
                if (ReadSpecLine(indent, end))
                {
                    return;
                }

                break;
        }

        if (line.SequenceEqual("COMMIT"u8))
        {
            Commit();
            return;
        }

        ReadOther(line);
    }

    private bool TryReadCounterPrefix(int start, int end)
    {
        if (!CounterText.TryParseBracketed(_source, start, end, out var counters, out var after))
        {
            return false;
        }

        while (after < end && _source[after] == (byte)' ')
        {
            after++;
        }

        if (end - after > 3 && _source[after] == (byte)'-' && _source[after + 1] == (byte)'A' && _source[after + 2] == (byte)' ')
        {
            _sawSaveCounters = true;
            FlushPolicies();
            AddRule(after, end, counters);
            return true;
        }

        return false;
    }

    public void Report(int line, DiagnosticSeverity severity, string message, int start = -1, int end = -1)
    {
        if (_diagnosticCount >= MaxDiagnostics)
        {
            _droppedDiagnostics++;
            return;
        }

        _diagnosticCount++;
        _set.AddDiagnostic(new Diagnostic(line, severity, message, start < 0 ? null : Shorten(start, end)));
    }

    public void Report(DiagnosticSeverity severity, string message, int start, int end) =>
        Report(_lineNumber, severity, message, start, end);

    private string Shorten(int start, int end)
    {
        const int Limit = 240;
        var length = Math.Min(end - start, Limit);
        var text = System.Text.Encoding.UTF8.GetString(_source, start, length);
        return end - start > Limit ? text + "…" : text;
    }

    public int LineNumber => _lineNumber;

    public byte[] Source => _source;

    public RuleSet Set => _set;

    private void Unrecognised(string reason, int start, int end)
    {
        if (_firstUnrecognisedLine == 0)
        {
            _firstUnrecognisedLine = _lineNumber;
            _firstUnrecognisedReason = reason;
        }

        Report(DiagnosticSeverity.Warning, reason, start, end);
    }
}
