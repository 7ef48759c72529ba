namespace NetView.Core.Iptables.Parsing;

/// <summary>Options of matches and targets: their values, negation, and the objects shared between rules.</summary>
internal sealed partial class RuleSpecReader
{
    private void StartOption(int nameId)
    {
        _optionNameId = nameId;
        _optionName = _pool[nameId];
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
        else if (_values.Count == 1 && _inTarget && (ReferenceEquals(_optionName, "--to-destination") || ReferenceEquals(_optionName, "--to-source")))
        {
            // One endpoint per rule: not worth interning (see ReadAddress).
            value = TokenText(_values[0]);
            cacheId = 0;
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
