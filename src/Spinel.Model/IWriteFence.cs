namespace Spinel.Model;

/// <summary>
/// Whether this node may still accept writes: false once it has lost touch with a majority of the cluster for longer
/// than its lease, so that an isolated node cannot take writes that a failover elsewhere will throw away.
/// </summary>
public interface IWriteFence
{
    bool AllowsWrites { get; }
}
