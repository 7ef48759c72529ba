namespace NetView.Core.Iptables.Parsing;

/// <summary>
/// Reads one rule specification (<c>-A CHAIN [! -s X] ... -m MODULE --opt V ... -j TARGET --opt V</c>)
/// as iptables-save and <c>iptables -S</c> print it, into the parts of a <see cref="Rule"/>.
/// One instance is reused for every line; it allocates only what the rule keeps, and shares
/// options, matches and targets that repeat (see <see cref="StringPool"/>).
/// </summary>
internal sealed partial class RuleSpecReader
{
    private readonly byte[] _source;
    private readonly StringPool _pool;
    private readonly List<Match> _matches = new(8);
    private readonly List<MatchOption> _options = new(8);
    private readonly List<int> _optionCacheIds = new(8);
    private readonly List<Token> _values = new(4);
    private readonly MatchListCache _matchLists;
    private readonly RepeatedWord _chains;

    /// <param name="sharedMatchLists">How many distinct match lists to share between rules at most.</param>
    public RuleSpecReader(byte[] source, StringPool pool, int sharedMatchLists = 1 << 16)
    {
        _source = source;
        _pool = pool;
        _chains = new RepeatedWord(source, pool);
        _matchLists = new MatchListCache(sharedMatchLists);
    }

    public StringPool Pool => _pool;

    // The rule read last.
    public int ChainId;
    public string Chain = "";
    public AddressMatch? Source;
    public AddressMatch? Destination;
    public ValueMatch? Protocol;
    public ValueMatch? InInterface;
    public ValueMatch? OutInterface;
    public Match[] Matches = [];
    public Target Target = Target.None;
    public int TargetId;
    public string? Comment;
    public Counters? Counters;
    public bool SawIpv6Address;

    /// <summary>Where the save-form text lies in the source; <see cref="TextOverride"/> when it had to be rebuilt.</summary>
    public int TextStart;
    public int TextLength;
    public string? TextOverride;

    /// <summary>What was odd about the rule; empty when nothing was.</summary>
    public readonly List<(DiagnosticSeverity Severity, string Message)> Problems = new(2);

    // State while reading.
    private bool _negate;
    private string? _module;
    private int _moduleId;
    private bool _inTarget;
    private string? _optionName;
    private int _optionNameId;
    private bool _optionNegated;
    private bool _optionMayNegate;
    private string? _targetName;
    private int _targetNameId;
    private TargetKind _targetKind;
    private int _countersStart;
    private int _countersEnd;

    /// <summary>
    /// Reads the rule spec in <c>source[start..end)</c>, which begins with <c>-A</c> (or <c>--append</c>).
    /// Returns false when there is no chain name; <see cref="Problems"/> then says why.
    /// </summary>
    public bool Read(int start, int end)
    {
        Reset(start, end);
        var tokens = new Tokenizer(_source, start, end);
        tokens.Next(out _); // -A
        if (!tokens.Next(out var chainToken) || chainToken.IsQuoted)
        {
            Problems.Add((DiagnosticSeverity.Error, "-A without a chain name"));
            return false;
        }

        ChainId = _chains.Intern(chainToken);
        Chain = _pool[ChainId];
        while (tokens.Next(out var token))
        {
            ReadToken(token, ref tokens);
        }

        CloseOption();
        CloseMatchOrTarget();
        Matches = _matchLists.Get(_matches);
        if (_countersStart >= 0)
        {
            TextOverride = BuildTextWithoutCounters(start, end);
        }

        return true;
    }

    /// <summary>The parts of the rule read last; <paramref name="text"/> when its save form was written elsewhere (listings).</summary>
    public RuleSpec ToSpec(string? text = null) => new()
    {
        Source = Source,
        Destination = Destination,
        Protocol = Protocol,
        InInterface = InInterface,
        OutInterface = OutInterface,
        Matches = Matches,
        Target = Target,
        Comment = Comment,
        Text = text ?? TextOverride,
    };

    private void Reset(int start, int end)
    {
        ChainId = 0;
        Chain = "";
        Source = Destination = null;
        Protocol = InInterface = OutInterface = null;
        Matches = [];
        Target = Target.None;
        TargetId = 0;
        Comment = null;
        Counters = null;
        SawIpv6Address = false;
        TextStart = start;
        TextLength = end - start;
        TextOverride = null;
        Problems.Clear();
        _matches.Clear();
        _options.Clear();
        _optionCacheIds.Clear();
        _values.Clear();
        _negate = false;
        _module = null;
        _moduleId = 0;
        _inTarget = false;
        _optionName = null;
        _optionNameId = 0;
        _optionNegated = false;
        _optionMayNegate = false;
        _targetName = null;
        _targetNameId = 0;
        _targetKind = TargetKind.None;
        _countersStart = -1;
        _countersEnd = -1;
    }

    private void ReadToken(Token token, ref Tokenizer tokens)
    {
        var source = _source;
        var first = source[token.Start];
        if (token.Flags == TokenFlags.None && first == (byte)'!' && token.Length == 1)
        {
            // Old iptables wrote the negation after the option ("--mark ! 0x1"); newer ones before it.
            if (_optionName is not null && _optionMayNegate)
            {
                _optionNegated = true;
            }
            else
            {
                CloseOption();
                _negate = true;
            }

            return;
        }

        if (first == (byte)'[' && new ReadOnlySpan<byte>(source, token.Start, token.Length).SequenceEqual("[unsupported"u8))
        {
            // iptables-nft prints this for an expression it cannot map back to a match or target.
            tokens.Next(out _);
            Problems.Add((DiagnosticSeverity.Warning, "iptables could not print part of this rule ([unsupported revision]); the rule is incomplete"));
            return;
        }

        if (token.Flags != TokenFlags.None || first != (byte)'-' || token.Length < 2
            || (_optionName is not null && _values.Count == 0 && OptionArity.TakesValue(_optionName)))
        {
            AddValue(token);
            return;
        }

        CloseOption();
        if (source[token.Start + 1] != (byte)'-')
        {
            if (token.Length == 2)
            {
                switch (source[token.Start + 1])
                {
                    case (byte)'m': StartMatch(ref tokens); return;
                    case (byte)'j': StartTarget(ref tokens, TargetKind.Jump); return;
                    case (byte)'g': StartTarget(ref tokens, TargetKind.Goto); return;
                    case (byte)'s': Source = ReadAddress(ref tokens, "-s"); return;
                    case (byte)'d': Destination = ReadAddress(ref tokens, "-d"); return;
                    case (byte)'p': Protocol = ReadValueMatch(ref tokens, "-p"); return;
                    case (byte)'i': InInterface = ReadValueMatch(ref tokens, "-i"); return;
                    case (byte)'o': OutInterface = ReadValueMatch(ref tokens, "-o"); return;
                    case (byte)'c': ReadCounters(token, ref tokens); return;
                }
            }

            StartOption(_pool.Intern(token.Start, token.Length));
            return;
        }

        // Long options are interned first: the pool holds these literals, so a reference compare names them.
        var id = _pool.Intern(token.Start, token.Length);
        var name = _pool[id];
        if (ReferenceEquals(name, "--match")) { StartMatch(ref tokens); }
        else if (ReferenceEquals(name, "--jump")) { StartTarget(ref tokens, TargetKind.Jump); }
        else if (ReferenceEquals(name, "--goto")) { StartTarget(ref tokens, TargetKind.Goto); }
        else if (ReferenceEquals(name, "--source") || ReferenceEquals(name, "--src")) { Source = ReadAddress(ref tokens, "-s"); }
        else if (ReferenceEquals(name, "--destination") || ReferenceEquals(name, "--dst")) { Destination = ReadAddress(ref tokens, "-d"); }
        else if (ReferenceEquals(name, "--protocol")) { Protocol = ReadValueMatch(ref tokens, "-p"); }
        else if (ReferenceEquals(name, "--in-interface")) { InInterface = ReadValueMatch(ref tokens, "-i"); }
        else if (ReferenceEquals(name, "--out-interface")) { OutInterface = ReadValueMatch(ref tokens, "-o"); }
        else if (ReferenceEquals(name, "--set-counters")) { ReadCounters(token, ref tokens); }
        else { StartOption(id); }
    }

    private void StartMatch(ref Tokenizer tokens)
    {
        CloseMatchOrTarget();
        _negate = false;
        if (!tokens.Next(out var module))
        {
            Problems.Add((DiagnosticSeverity.Warning, "-m without a module name"));
            return;
        }

        _moduleId = InternToken(module, out var name);
        _module = name;
        _inTarget = false;
    }

    private void StartTarget(ref Tokenizer tokens, TargetKind kind)
    {
        CloseMatchOrTarget();
        _negate = false;
        if (!tokens.Next(out var target))
        {
            Problems.Add((DiagnosticSeverity.Warning, (kind == TargetKind.Goto ? "-g" : "-j") + " without a target"));
            return;
        }

        if (_targetName is not null)
        {
            Problems.Add((DiagnosticSeverity.Warning, $"a second target '{_targetName}' replaced by the next one"));
        }

        _targetNameId = InternToken(target, out var name);
        _targetName = name;
        _targetKind = kind;
        _inTarget = true;
    }
}
