using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Raft;

/// <summary>
/// Rides with a proposed entry through the leader's log (DotNext's entry context) so the state machine can hand the
/// proposer the result of exactly that entry.
/// </summary>
internal sealed class ProposalContext(long term)
{
    private CommandResult? _result;
    private long _index;

    /// <summary>Term the entry was appended in; an entry of another term at the same index is not ours.</summary>
    public long Term { get; } = term;

    public void Complete(long term, long index, CommandResult result)
    {
        // The WAL keeps contexts by index; if our uncommitted entry was overwritten by a later leader's, the entry that
        // arrives here has a different term.
        if (term != Term)
        {
            return;
        }
        _index = index;
        Volatile.Write(ref _result, result);
    }

    public bool TryGetResult(out CommandResult result, out long index)
    {
        result = Volatile.Read(ref _result)!;
        index = _index;
        return result is not null;
    }
}
