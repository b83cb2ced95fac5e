using System.Text.Json.Serialization;

namespace Spinel.Api.Json;

/// <summary>Source-generated JSON metadata of every object the API writes, with Redis Enterprise's snake_case names.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(BdbDto))]
[JsonSerializable(typeof(NodeDto))]
[JsonSerializable(typeof(NodeStatusDto))]
[JsonSerializable(typeof(ShardDto))]
[JsonSerializable(typeof(StateMachineDto))]
[JsonSerializable(typeof(ActionListDto))]
[JsonSerializable(typeof(ActionAcceptedDto))]
[JsonSerializable(typeof(UserDto))]
[JsonSerializable(typeof(ClusterDto))]
[JsonSerializable(typeof(ClusterCertificatesDto))]
[JsonSerializable(typeof(JoinCredentialsDto))]
[JsonSerializable(typeof(BootstrapDto))]
[JsonSerializable(typeof(IReadOnlyList<BdbDto>))]
[JsonSerializable(typeof(IReadOnlyList<NodeDto>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, NodeStatusDto>))]
[JsonSerializable(typeof(IReadOnlyList<ShardDto>))]
[JsonSerializable(typeof(IReadOnlyList<StateMachineDto>))]
[JsonSerializable(typeof(IReadOnlyList<UserDto>))]
[JsonSerializable(typeof(RedisAclDto))]
[JsonSerializable(typeof(IReadOnlyList<RedisAclDto>))]
[JsonSerializable(typeof(RoleDto))]
[JsonSerializable(typeof(IReadOnlyList<RoleDto>))]
[JsonSerializable(typeof(IReadOnlyList<BlueprintEntryDto>))]
[JsonSerializable(typeof(IReadOnlyList<EventDto>))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
