using System.Text.Json.Serialization;
using Spinel.ControlPlane.Store.Commands;
using Spinel.ControlPlane.Raft;
using Spinel.Model;

namespace Spinel.ControlPlane.Store.Json;

/// <summary>Source-generated JSON metadata of the store: commands in the Raft log, states in snapshots.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    Converters = [typeof(SlotRangeJsonConverter), typeof(ShardRoleJsonConverter)])]
[JsonSerializable(typeof(ClusterCommand))]
[JsonSerializable(typeof(ClusterState))]
[JsonSerializable(typeof(ClusterSnapshot))]
[JsonSerializable(typeof(ClusterRecord))]
[JsonSerializable(typeof(NodeRecord))]
[JsonSerializable(typeof(BdbRecord))]
[JsonSerializable(typeof(ShardRecord))]
[JsonSerializable(typeof(EndpointRecord))]
[JsonSerializable(typeof(ActionRecord))]
[JsonSerializable(typeof(UserRecord))]
[JsonSerializable(typeof(RedisAclRecord))]
[JsonSerializable(typeof(RoleRecord))]
[JsonSerializable(typeof(RolePermission))]
[JsonSerializable(typeof(EventRecord))]
[JsonSerializable(typeof(SlotRange))]
[JsonSerializable(typeof(SnapshotRule))]
[JsonSerializable(typeof(ShardRole))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
