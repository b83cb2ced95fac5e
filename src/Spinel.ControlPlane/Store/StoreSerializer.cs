using System.Text.Json;
using Spinel.ControlPlane.Store.Commands;
using Spinel.ControlPlane.Store.Json;

namespace Spinel.ControlPlane.Store;

/// <summary>The JSON form of commands (Raft log entries) and states (snapshots), with snake_case field names.</summary>
public static class StoreSerializer
{
    public static byte[] SerializeCommand(ClusterCommand command) =>
        JsonSerializer.SerializeToUtf8Bytes(command, StoreJsonContext.Default.ClusterCommand);

    /// <summary>Decodes a command; throws <see cref="JsonException"/> when the bytes are not one.</summary>
    public static ClusterCommand DeserializeCommand(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, StoreJsonReading.ClusterCommand)
                ?? throw new JsonException("A command must not be null.");
        }
        catch (NotSupportedException e)
        {
            // System.Text.Json reports a missing discriminator this way; to callers it is just not a command.
            throw new JsonException(e.Message, e);
        }
    }

    public static byte[] SerializeState(ClusterState state) =>
        JsonSerializer.SerializeToUtf8Bytes(state, StoreJsonContext.Default.ClusterState);

    /// <summary>Decodes a state; throws <see cref="JsonException"/> when the bytes are not one.</summary>
    public static ClusterState DeserializeState(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, StoreJsonReading.ClusterState)
        ?? throw new JsonException("A state must not be null.");
}
