using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NetView.Core.Iptables;

namespace NetView.Web.ViewModels;

/// <summary>
/// Holds imported dumps for a short while, keyed by an unguessable 128-bit id that only the
/// importing browser learns (it lands in the page URL). Bounded by count and lifetime: the oldest
/// import goes first when the store is full.
/// </summary>
public sealed class ImportStore(IOptions<ImportOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<ImportedDump> _imports = new();

    public ImportOptions Options { get; } = options.Value;

    public ImportedDump Add(string name, RuleSet rules)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var dump = new ImportedDump(id, name, rules, time.GetUtcNow());
        lock (_gate)
        {
            Expire();
            while (_imports.Count >= Options.MaxImports)
            {
                _imports.RemoveFirst();
            }

            _imports.AddLast(dump);
        }

        return dump;
    }

    public ImportedDump? Get(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        lock (_gate)
        {
            Expire();
            foreach (var dump in _imports)
            {
                if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(dump.ImportId!), System.Text.Encoding.ASCII.GetBytes(id)))
                {
                    return dump;
                }
            }
        }

        return null;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                Expire();
                return _imports.Count;
            }
        }
    }

    private void Expire()
    {
        var oldest = time.GetUtcNow() - Options.Lifetime;
        while (_imports.First is { } first && first.Value.At < oldest)
        {
            _imports.RemoveFirst();
        }
    }
}
