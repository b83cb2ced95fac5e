namespace Spinel.ControlPlane.Store;

/// <summary>
/// One rule of a database's <c>snapshot_policy</c>: write a snapshot when <see cref="Secs"/> seconds have passed and at
/// least <see cref="Writes"/> keys changed (redis <c>save &lt;secs&gt; &lt;writes&gt;</c>).
/// </summary>
public sealed record SnapshotRule(int Secs, int Writes);
