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

    public RuleSpecReader(byte[] source, StringPool pool)
    {
        _source = source;
        _pool = pool;
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

        ChainId = _pool.Intern(chainToken.Start, chainToken.Length);
        Chain = _pool[ChainId];
        while (tokens.Next(out var token))
        {
            ReadToken(token, ref tokens);
        }

        CloseOption();
        CloseMatchOrTarget();
        Matches = _matches.Count == 0 ? [] : _matches.ToArray();
        if (_countersStart >= 0)
        {
            TextOverride = BuildTextWithoutCounters(start, end);
        }

        return true;
    }

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

        if (token.Flags != TokenFlags.None || first != (byte)'-' || token.Length < 2
            || (_optionName is not null && _values.Count == 0 && OptionArity.TakesValue(_optionName)))
        {
            AddValue(token);
            return;
        }

        CloseOption();
        var name = new ReadOnlySpan<byte>(source, token.Start, token.Length);
        if (source[token.Start + 1] != (byte)'-' && token.Length == 2)
        {
            switch (name[1])
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
        else if (ReadLongForm(name, ref tokens, token))
        {
            return;
        }

        StartOption(token);
    }

    private bool ReadLongForm(ReadOnlySpan<byte> name, ref Tokenizer tokens, Token token)
    {
        if (name.SequenceEqual("--match"u8)) { StartMatch(ref tokens); return true; }
        if (name.SequenceEqual("--jump"u8)) { StartTarget(ref tokens, TargetKind.Jump); return true; }
        if (name.SequenceEqual("--goto"u8)) { StartTarget(ref tokens, TargetKind.Goto); return true; }
        if (name.SequenceEqual("--source"u8) || name.SequenceEqual("--src"u8)) { Source = ReadAddress(ref tokens, "-s"); return true; }
        if (name.SequenceEqual("--destination"u8) || name.SequenceEqual("--dst"u8)) { Destination = ReadAddress(ref tokens, "-d"); return true; }
        if (name.SequenceEqual("--protocol"u8)) { Protocol = ReadValueMatch(ref tokens, "-p"); return true; }
        if (name.SequenceEqual("--in-interface"u8)) { InInterface = ReadValueMatch(ref tokens, "-i"); return true; }
        if (name.SequenceEqual("--out-interface"u8)) { OutInterface = ReadValueMatch(ref tokens, "-o"); return true; }
        if (name.SequenceEqual("--set-counters"u8)) { ReadCounters(token, ref tokens); return true; }
        return false;
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

    private void StartOption(Token token)
    {
        _optionNameId = _pool.Intern(token.Start, token.Length);
        _optionName = _pool[_optionNameId];
        _optionNegated = _negate;
        _optionMayNegate = !_negate;
        _negate = false;
        _values.Clear();
    }

    private void AddValue(Token token)
    {
        if ((token.Flags & TokenFlags.Unterminated) != 0)
        {
            Problems.Add((DiagnosticSeverity.Warning, "a quote is not closed; the rest of the line is taken as one value"));
        }

        if (_optionName is null)
        {
            Problems.Add((DiagnosticSeverity.Warning, $"'{TokenText(token)}' is not an option or a value of one; ignored"));
            return;
        }

        _values.Add(token);
        _optionMayNegate = false;
    }

    private void CloseOption()
    {
        if (_optionName is null)
        {
            return;
        }

        int cacheId;
        string? value;
        if (_values.Count == 0)
        {
            cacheId = _optionNameId;
            value = null;
        }
        else if (_values.Count == 1)
        {
            cacheId = InternToken(_values[0], out var single);
            value = single;
            if (cacheId == 0)
            {
                cacheId = _optionNameId;
            }
        }
        else
        {
            value = JoinValues();
            cacheId = 0;
        }

        var option = MakeOption(cacheId, _optionName, value, _optionNegated);
        if (!_inTarget && _module is null)
        {
            ImplicitMatch();
        }

        if (!_inTarget && ReferenceEquals(_module, "comment") && ReferenceEquals(_optionName, "--comment") && Comment is null)
        {
            Comment = value;
        }

        _options.Add(option);
        _optionCacheIds.Add(cacheId == 0 ? _optionNameId : cacheId);
        _optionName = null;
        _values.Clear();
    }

    private MatchOption MakeOption(int cacheId, string name, string? value, bool negated)
    {
        if (cacheId == 0)
        {
            return new MatchOption(name, value, negated);
        }

        ref var slot = ref _pool.First(cacheId);
        if (slot is MatchOption cached && ReferenceEquals(cached.Name, name) && ReferenceEquals(cached.Value, value) && cached.Negated == negated)
        {
            return cached;
        }

        var option = new MatchOption(name, value, negated);
        slot = option;
        return option;
    }

    /// <summary><c>-p tcp --dport 53</c> without <c>-m tcp</c>: iptables loads the protocol's match itself.</summary>
    private void ImplicitMatch()
    {
        if (Protocol is { Negated: false } protocol)
        {
            _module = protocol.Value;
            _moduleId = 0;
        }
        else
        {
            _module = "";
            _moduleId = 0;
            Problems.Add((DiagnosticSeverity.Warning, $"option {_optionName} comes before any -m or -p; kept in an unnamed match"));
        }
    }

    private string JoinValues()
    {
        var parts = new string[_values.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = TokenText(_values[i]);
        }

        return string.Join(' ', parts);
    }
}
