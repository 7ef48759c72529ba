namespace NetView.Core.Iptables.Parsing;

/// <summary>
/// The jump targets of plain rules in a table, looked up a batch at a time instead of rule by rule.
/// In a big kube-proxy dump most targets are chains declared far away (106,000 jumps to a KUBE-SVC or
/// KUBE-SEP chain), so each lookup waits on memory; a batch's lookups only read the pool, so a big
/// batch is split between two threads, and what they found is then written to the rows, in order,
/// on this one.
/// </summary>
internal sealed partial class DumpReader
{
    private const int TargetBatch = 1 << 14;

    /// <summary>From this many targets in a batch, the lookups are shared with another thread.</summary>
    private const int SharedLookupFrom = 1 << 12;

    private PendingTarget[]? _pendingTargets;
    private FoundTarget[]? _foundTargets;
    private int _pendingCount;
    private Table? _pendingTable;

    /// <summary>A rule whose row waits for its target: the target's word in the input, and jump or goto.</summary>
    private readonly record struct PendingTarget(int Row, int Start, int Length, TargetKind Kind);

    /// <summary>What a lookup found: the word's pool id (0: new) and whether it names a chain of the table already.</summary>
    private readonly record struct FoundTarget(int Id, bool JumpKnown);

    /// <summary>Gives <paramref name="row"/> of <paramref name="table"/> its target later, with its batch.</summary>
    private void DeferTarget(Table table, int row, Token target, TargetKind kind)
    {
        if (_pendingCount > 0 && !ReferenceEquals(_pendingTable, table))
        {
            ResolveTargets();
        }

        _pendingTargets ??= new PendingTarget[TargetBatch];
        _pendingTable = table;
        _pendingTargets[_pendingCount++] = new PendingTarget(row, target.Start, target.Length, kind);
        if (_pendingCount == TargetBatch)
        {
            ResolveTargets();
        }
    }

    /// <summary>Gives every pending row its target; called when a batch fills and before anything reads the rows' targets.</summary>
    private void ResolveTargets()
    {
        var count = _pendingCount;
        if (count == 0)
        {
            return;
        }

        var table = _pendingTable!;
        _foundTargets ??= new FoundTarget[TargetBatch];
        if (count >= SharedLookupFrom)
        {
            var half = count / 2;
            var other = Task.Run(() => FindTargets(table, 0, half));
            FindTargets(table, half, count);
            other.GetAwaiter().GetResult();
        }
        else
        {
            FindTargets(table, 0, count);
        }

        for (var i = 0; i < count; i++)
        {
            var pending = _pendingTargets![i];
            var found = _foundTargets[i];
            var id = found.Id != 0 ? found.Id : _pool.Intern(pending.Start, pending.Length);
            var name = _pool[id];
            RuleRows.SetTarget(ref _rows[pending.Row], name, pending.Kind);
            if (!found.JumpKnown && !Target.IsBuiltinName(name))
            {
                CheckJump(table, name, pending.Row, id, _pool);
            }
        }

        _pendingCount = 0;
        _pendingTable = null;
    }

    /// <summary>Looks up pending targets <c>[from, to)</c>; writes nothing but their results, so two ranges may run at once.</summary>
    private void FindTargets(Table table, int from, int to)
    {
        var pending = _pendingTargets!;
        var found = _foundTargets!;
        for (var i = from; i < to; i++)
        {
            var id = _pool.Find(pending[i].Start, pending[i].Length);
            found[i] = id == 0 ? default : new FoundTarget(id, JumpKnown(table, id, _pool));
        }
    }
}
