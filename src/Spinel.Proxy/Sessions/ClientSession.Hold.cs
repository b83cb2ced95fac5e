using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Spinel.Proxy.Backends;
using Spinel.Proxy.Routing;

namespace Spinel.Proxy.Sessions;

// Holding a request: the handler that finds a held master (or a closed write fence) does nothing else; the reader
// leaves the request unread in the input pipe and waits, then runs it again against the routing current by then.
// The unread bytes are the only memory a held client costs; replies it is owed keep flowing meanwhile.
internal sealed partial class ClientSession
{
    private HoldCause _heldBy;
    private ShardRoute? _heldRoute;
    private RoutingTable? _heldTable;
    private bool _holding;
    private long _holdStartedAt;
    private bool _holdExpired;

    /// <summary>The current request waits for a held shard or the write fence and will run again.</summary>
    private bool IsParked => _heldBy != HoldCause.None;

    /// <summary>True when the route is held: the request is then parked, or answered if it has waited long enough.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool HoldsBack(ShardRoute route)
    {
        if (!route.IsHeld)
        {
            return false;
        }
        HoldBack(HoldCause.Shard, route);
        return true;
    }

    private bool HoldsBack(IReadOnlyList<ShardRoute> routes)
    {
        foreach (var route in routes)
        {
            if (HoldsBack(route))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when the write fence is closed: the request is then parked, or answered if it has waited long enough.</summary>
    private bool FenceHoldsBack()
    {
        if (_database.WriteFence is not { AllowsWrites: false })
        {
            return false;
        }
        HoldBack(HoldCause.WriteFence, null);
        return true;
    }

    private void HoldBack(HoldCause cause, ShardRoute? route)
    {
        if (_holdExpired)
        {
            var error = cause == HoldCause.WriteFence ? BackendErrors.WritesFenced : BackendErrors.HoldTimeout;
            Log.HoldTimedOut(_logger, Id, LastCommand, error);
            ReplyError(error);
            return;
        }
        if (!_holding)
        {
            // Counted from the first hold: a request released by one shard and held by the next waits one timeout in all.
            _holding = true;
            _holdStartedAt = _time.GetTimestamp();
        }
        _heldBy = cause;
        _heldRoute = route;
        _heldTable = _database.Table;
    }

    /// <summary>The request that was held has run or been answered; the next one starts afresh.</summary>
    private void EndHold()
    {
        _holding = false;
        _holdExpired = false;
    }

    private bool StillHeld() => _heldBy switch
    {
        HoldCause.WriteFence => _database.WriteFence is { AllowsWrites: false },
        // A new table may route the slot elsewhere or clear the hold: run the request again to find out.
        HoldCause.Shard => ReferenceEquals(_heldTable, _database.Table) && _heldRoute!.IsHeld,
        _ => false,
    };

    /// <summary>Waits until the parked request may run again (released, or waited out: then it is answered with an error).</summary>
    private async Task WaitWhileParkedAsync(CancellationToken cancellationToken)
    {
        var holds = _database.Holds;
        var onFence = _heldBy == HoldCause.WriteFence;
        if (onFence)
        {
            holds.BeginFenceWait();
        }
        try
        {
            while (true)
            {
                var pulse = holds.NextPulse;
                if (!StillHeld())
                {
                    return;
                }
                var left = _database.Options.FailoverHoldTimeout - _time.GetElapsedTime(_holdStartedAt);
                if (left <= TimeSpan.Zero)
                {
                    _holdExpired = true;
                    return;
                }
                try
                {
                    await pulse.WaitAsync(left, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                }
            }
        }
        finally
        {
            if (onFence)
            {
                holds.EndFenceWait();
            }
            _heldBy = HoldCause.None;
            _heldRoute = null;
            _heldTable = null;
        }
    }
}
