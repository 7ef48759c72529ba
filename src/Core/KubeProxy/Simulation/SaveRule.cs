using System.Text;

namespace NetView.Core.KubeProxy.Simulation;

/// <summary>
/// One rule in the order iptables-save prints it back, whatever order kube-proxy wrote the
/// arguments in: addresses and protocol first, then the match modules in the order given,
/// then the target.
/// </summary>
internal sealed class SaveRule
{
    private string? _source;
    private bool _sourceNegated;
    private string? _destination;
    private bool _destinationNegated;
    private string? _protocol;
    private readonly StringBuilder _matches = new();
    private string? _target;

    public SaveRule Source(string cidr, bool negated = false)
    {
        _source = cidr;
        _sourceNegated = negated;
        return this;
    }

    public SaveRule Destination(string cidr, bool negated = false)
    {
        _destination = cidr;
        _destinationNegated = negated;
        return this;
    }

    public SaveRule Protocol(string protocol)
    {
        _protocol = protocol;
        return this;
    }

    /// <summary><c>-m comment --comment</c>, quoted the way iptables-save quotes it.</summary>
    public SaveRule Comment(string text)
    {
        _matches.Append(" -m comment --comment ");
        AppendSaveString(_matches, text);
        return this;
    }

    /// <summary>A match module with its options as iptables-save prints them, e.g. <c>tcp --dport 80</c>.</summary>
    public SaveRule Match(string moduleAndOptions)
    {
        _matches.Append(" -m ").Append(moduleAndOptions);
        return this;
    }

    /// <summary>The target with its options, e.g. <c>DNAT --to-destination 10.0.0.1:80</c>.</summary>
    public SaveRule Jump(string targetAndOptions)
    {
        _target = targetAndOptions;
        return this;
    }

    public string ToText(string chain)
    {
        var text = new StringBuilder(96).Append("-A ").Append(chain);
        AppendAddress(text, "-s", _source, _sourceNegated);
        AppendAddress(text, "-d", _destination, _destinationNegated);
        if (_protocol is not null)
        {
            text.Append(" -p ").Append(_protocol);
        }

        text.Append(_matches);
        if (_target is not null)
        {
            text.Append(" -j ").Append(_target);
        }

        return text.ToString();
    }

    private static void AppendAddress(StringBuilder text, string flag, string? cidr, bool negated)
    {
        if (cidr is null)
        {
            return;
        }

        text.Append(negated ? " ! " : " ").Append(flag).Append(' ').Append(cidr);
    }

    // xtables_save_string: bare when only [A-Za-z0-9_-], otherwise in double quotes with ", ' and \ escaped.
    private static void AppendSaveString(StringBuilder text, string value)
    {
        var bare = value.Length > 0;
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                bare = false;
                break;
            }
        }

        if (bare)
        {
            text.Append(value);
            return;
        }

        text.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\' or '\'')
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        text.Append('"');
    }
}
