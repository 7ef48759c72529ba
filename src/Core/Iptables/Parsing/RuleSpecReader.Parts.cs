using System.Buffers.Text;
using System.Text;

namespace NetView.Core.Iptables.Parsing;

internal sealed partial class RuleSpecReader
{
    private AddressMatch? ReadAddress(ref Tokenizer tokens, string option)
    {
        if (!ReadOperand(ref tokens, option, out var token, out var negated))
        {
            return null;
        }

        if (new ReadOnlySpan<byte>(_source, token.Start, token.Length).IndexOf((byte)':') >= 0)
        {
            SawIpv6Address = true;
        }

        // A host address (/32, /128) is mostly an endpoint's, written once or twice: interning it
        // would cost a lookup that misses and a pool entry that never pays off.
        var span = new ReadOnlySpan<byte>(_source, token.Start, token.Length);
        if (!token.NeedsUnescape && (span.EndsWith("/32"u8) || span.EndsWith("/128"u8)))
        {
            return new AddressMatch(TokenText(token), negated);
        }

        var id = InternToken(token, out var value);
        return Shared(id, value, negated, static (a, n) => a.Negated == n, static (v, n) => new AddressMatch(v, n));
    }

    private ValueMatch? ReadValueMatch(ref Tokenizer tokens, string option)
    {
        if (!ReadOperand(ref tokens, option, out var token, out var negated))
        {
            return null;
        }

        var id = InternToken(token, out var value);
        return Shared(id, value, negated, static (m, n) => m.Negated == n, static (v, n) => new ValueMatch(v, n));
    }

    /// <summary>The object made from this word last time when it fits, else a new one remembered for next time.</summary>
    private T Shared<T>(int id, string value, bool negated, Func<T, bool, bool> fits, Func<string, bool, T> create)
        where T : class
    {
        if (id == 0)
        {
            return create(value, negated);
        }

        ref var slot = ref _pool.First(id);
        if (slot is T cached && fits(cached, negated))
        {
            return cached;
        }

        var made = create(value, negated);
        slot = made;
        return made;
    }

    /// <summary>The operand of -s/-d/-p/-i/-o, with a negation before the option or (old syntax) after it.</summary>
    private bool ReadOperand(ref Tokenizer tokens, string option, out Token token, out bool negated)
    {
        negated = _negate;
        _negate = false;
        if (!tokens.Next(out token))
        {
            Problems.Add((DiagnosticSeverity.Warning, option + " without a value"));
            return false;
        }

        if (token.Length == 1 && token.Flags == TokenFlags.None && _source[token.Start] == (byte)'!')
        {
            negated = true;
            if (!tokens.Next(out token))
            {
                Problems.Add((DiagnosticSeverity.Warning, option + " ! without a value"));
                return false;
            }
        }

        return true;
    }

    /// <summary><c>-c PACKETS BYTES</c> of <c>iptables -S -v</c>, wherever it stands in the rule.</summary>
    private void ReadCounters(Token option, ref Tokenizer tokens)
    {
        _negate = false;
        if (tokens.Next(out var packets) && tokens.Next(out var bytes)
            && Utf8Parser.TryParse(new ReadOnlySpan<byte>(_source, packets.Start, packets.Length), out long p, out var pl) && pl == packets.Length
            && Utf8Parser.TryParse(new ReadOnlySpan<byte>(_source, bytes.Start, bytes.Length), out long b, out var bl) && bl == bytes.Length)
        {
            Counters = new Counters(p, b);
            _countersStart = option.Start;
            _countersEnd = bytes.End;
            return;
        }

        Problems.Add((DiagnosticSeverity.Warning, "-c is not followed by two numbers; counters ignored"));
    }

    private void CloseMatchOrTarget()
    {
        CloseOption();
        if (_inTarget)
        {
            if (_targetName is not null)
            {
                Target = MakeTarget();
                TargetId = _targetNameId;
            }
        }
        else if (_module is not null)
        {
            _matches.Add(MakeMatch());
        }

        _module = null;
        _moduleId = 0;
        _inTarget = false;
        _options.Clear();
        _optionCacheIds.Clear();
    }

    private Match MakeMatch()
    {
        var cacheId = _options.Count == 0 ? _moduleId : _optionCacheIds[^1];
        if (cacheId == 0)
        {
            return new Match(_module!, _options.ToArray());
        }

        ref var slot = ref _pool.Second(cacheId);
        if (slot is Match cached && ReferenceEquals(cached.Module, _module) && SameOptions(cached.Options))
        {
            return cached;
        }

        var match = new Match(_module!, _options.Count == 0 ? [] : _options.ToArray());
        slot = match;
        return match;
    }

    private Target MakeTarget()
    {
        var cacheId = _options.Count == 0 ? _targetNameId : _optionCacheIds[^1];
        ref var slot = ref _pool.Second(cacheId);
        if (slot is Target cached && cached.Kind == _targetKind && ReferenceEquals(cached.Name, _targetName) && SameOptions(cached.Options))
        {
            return cached;
        }

        var target = new Target(_targetKind, _targetName!, _options.Count == 0 ? [] : _options.ToArray());
        slot = target;
        return target;
    }

    private bool SameOptions(IReadOnlyList<MatchOption> options)
    {
        if (options.Count != _options.Count)
        {
            return false;
        }

        for (var i = 0; i < options.Count; i++)
        {
            if (!ReferenceEquals(options[i], _options[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Interns a plain word; an escaped one is unescaped and interned by content (id 0).</summary>
    private int InternToken(Token token, out string value)
    {
        if (token.NeedsUnescape)
        {
            value = _pool.InternText(Tokenizer.Unescape(new ReadOnlySpan<byte>(_source, token.Start, token.Length)));
            return 0;
        }

        var id = _pool.Intern(token.Start, token.Length);
        value = _pool[id];
        return id;
    }

    private string TokenText(Token token) => token.NeedsUnescape
        ? Tokenizer.Unescape(new ReadOnlySpan<byte>(_source, token.Start, token.Length))
        : Encoding.UTF8.GetString(_source, token.Start, token.Length);

    private string BuildTextWithoutCounters(int start, int end)
    {
        var before = Encoding.UTF8.GetString(_source, start, _countersStart - start).TrimEnd();
        var after = Encoding.UTF8.GetString(_source, _countersEnd, end - _countersEnd).Trim();
        return after.Length == 0 ? before : before + " " + after;
    }
}
