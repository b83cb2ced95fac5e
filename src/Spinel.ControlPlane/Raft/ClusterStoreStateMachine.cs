using System.Buffers;
using System.Globalization;
using System.Text.Json;
using DotNext.IO;
using DotNext.Net.Cluster.Consensus.Raft.StateMachine;
using Microsoft.Extensions.Logging;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Json;

namespace Spinel.ControlPlane.Raft;

/// <summary>
/// The DotNext state machine behind the store: applies committed entries with <see cref="ClusterStateMachine"/>,
/// publishes each new state, snapshots every <c>snapshotInterval</c> applied commands and restores the newest snapshot.
/// DotNext calls it from one applier at a time.
/// </summary>
internal sealed partial class ClusterStoreStateMachine(
    DirectoryInfo snapshotDirectory, ClusterStatePublisher publisher, int snapshotInterval, ILogger logger)
    : SimpleStateMachine(snapshotDirectory)
{
    private int _sinceSnapshot;
    private ClusterState? _toPersist;
    private long _lastAppliedIndex;

    /// <summary>Raft index of the last entry applied (or restored from a snapshot).</summary>
    public long LastAppliedIndex => Volatile.Read(ref _lastAppliedIndex);

    protected override ValueTask<bool> ApplyAsync(LogEntry entry, CancellationToken token)
    {
        Volatile.Write(ref _lastAppliedIndex, entry.Index);
        if (entry.IsConfiguration)
        {
            return ValueTask.FromResult(false);
        }
        var payload = ReadPayload(entry);
        if (payload.Length == 0)
        {
            // Membership entries reach us without payload once the configuration storage took them.
            return ValueTask.FromResult(false);
        }
        var current = publisher.Current;
        var result = Execute(current, payload, entry.Index);
        if (result.Rejection is { } rejection)
        {
            Log.CommandRejected(logger, entry.Index, rejection.Code, rejection.Message);
        }
        else
        {
            publisher.Publish(result.State);
            Log.CommandApplied(logger, entry.Index, result.State.Version);
        }
        (entry.Context as ProposalContext)?.Complete(entry.Term, entry.Index, result);

        if (++_sinceSnapshot < snapshotInterval)
        {
            return ValueTask.FromResult(false);
        }
        _sinceSnapshot = 0;
        _toPersist = result.State;
        return ValueTask.FromResult(true);
    }

    private CommandResult Execute(ClusterState current, byte[] payload, long index)
    {
        try
        {
            return ClusterStateMachine.Execute(current, StoreSerializer.DeserializeCommand(payload));
        }
        catch (JsonException e)
        {
            // Every node holds the same bytes and decodes them the same way, so every node skips this entry alike.
            Log.EntryUndecodable(logger, index, e.Message);
            return ClusterStateMachine.Undecodable(current, e.Message);
        }
    }

    protected override async ValueTask PersistAsync(IAsyncBinaryWriter writer, CancellationToken token)
    {
        var state = _toPersist ?? publisher.Current;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(
            new ClusterSnapshot { Format = ClusterSnapshot.CurrentFormat, State = state }, StoreJsonContext.Default.ClusterSnapshot);
        await writer.WriteAsync(bytes, lengthFormat: null, token).ConfigureAwait(false);
        Log.SnapshotWritten(logger, state.Version, bytes.Length);
    }

    protected override async ValueTask RestoreAsync(FileInfo snapshotFile, CancellationToken token)
    {
        var bytes = await File.ReadAllBytesAsync(snapshotFile.FullName, token).ConfigureAwait(false);
        var snapshot = JsonSerializer.Deserialize(bytes, StoreJsonReading.ClusterSnapshot)
            ?? throw new InvalidDataException($"Snapshot {snapshotFile.FullName} is empty.");
        if (snapshot.Format != ClusterSnapshot.CurrentFormat)
        {
            throw new InvalidDataException($"Snapshot {snapshotFile.FullName} has format {snapshot.Format}; this build reads {ClusterSnapshot.CurrentFormat}.");
        }
        // Snapshot files are named <index>-<term>.
        var dash = snapshotFile.Name.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && long.TryParse(snapshotFile.Name.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            Volatile.Write(ref _lastAppliedIndex, index);
        }
        _sinceSnapshot = 0;
        publisher.Publish(snapshot.State);
        Log.SnapshotRestored(logger, snapshotFile.Name, snapshot.State.Version);
    }

    private static byte[] ReadPayload(in LogEntry entry)
    {
        if (entry.TryGetPayload(out ReadOnlySequence<byte> sequence))
        {
            return sequence.ToArray();
        }
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var segment in entry.GetPayload())
        {
            buffer.Write(segment.Span);
        }
        return buffer.WrittenSpan.ToArray();
    }
}
